using OpenMetrics.Cli.Imports;

namespace OpenMetrics.Tests.Cli.Imports;

/// <summary>The progress an import run reported, for the assertions.</summary>
internal sealed class RecordedProgress : IImportProgress
{
    public List<(long Bytes, long Total)> Uploads { get; } = [];

    public List<(ImportStatus Status, ImportRate Rate)> Polls { get; } = [];

    public ImportStatus? Final { get; private set; }

    public string? Refusal { get; private set; }

    public void Uploaded(long bytes, long total) => Uploads.Add((bytes, total));

    public void Following(ImportStatus status, ImportRate rate) => Polls.Add((status, rate));

    public void Finished(ImportStatus status) => Final = status;

    public void Refused(string reason) => Refusal = reason;
}
