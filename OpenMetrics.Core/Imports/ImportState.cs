namespace OpenMetrics.Core.Imports;

/// <summary>Where an import is, as <c>GET /api/imports/{id}</c> names it (docs/imports.md, "The imports API").</summary>
public static class ImportState
{
    /// <summary>Started with <c>final=false</c>: more parts are coming.</summary>
    public const string Uploading = "uploading";

    /// <summary>The whole file is in chunk blobs, one queue message each; no chunk has started yet.</summary>
    public const string Queued = "queued";

    /// <summary>At least one chunk has started.</summary>
    public const string Running = "running";

    /// <summary>Every chunk is done.</summary>
    public const string Done = "done";

    /// <summary>The file had a defect that stops it as a whole (a truncated gzip), or a chunk kept failing.</summary>
    public const string Failed = "failed";
}
