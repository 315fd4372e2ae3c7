namespace OpenMetrics.Core.Imports;

/// <summary>The settings of imports, under the section <c>OpenMetrics:Imports</c> (docs/configuration.md).</summary>
public sealed class ImportSettings
{
    public const string Section = "OpenMetrics:Imports";

    /// <summary>
    /// The most one request (<c>POST /api/imports</c> or one part) may carry, as sent (gzip counts compressed); more is
    /// a 413. Azure Functions refuses a body over 100 MB and its front end gives up on a request after 230 s: 64 MiB
    /// stays under the first and, at the few MB/s an upload and its blob writes run at, well inside the second. A
    /// larger file is sent in parts (<c>POST /api/imports/{id}/parts</c>), as the CLI does.
    /// </summary>
    public long MaxRequestBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Records per chunk blob, and so per queue message of the aggregate app: a few thousand keep one chunk's run
    /// to seconds (well inside a queue message's lease) and the upload's memory to one chunk.
    /// </summary>
    public int RecordsPerChunk { get; set; } = 2000;
}
