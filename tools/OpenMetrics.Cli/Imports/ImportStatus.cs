namespace OpenMetrics.Cli.Imports;

/// <summary>
/// The answer of <c>GET /api/imports/{id}</c> (and of the uploads, which carry at least id and state):
/// <c>state</c> is uploading, queued, running, done or failed.
/// </summary>
internal sealed record ImportStatus(
    string Id,
    string? Format,
    string State,
    long BytesRead,
    long RowsRead,
    long EventsAccepted,
    long RowsRefused,
    IReadOnlyList<ImportRefusal>? Refused,
    string? Error,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public bool IsOver => State is "done" or "failed";
}

/// <summary>A refused row: its line in the file and why.</summary>
internal sealed record ImportRefusal(long Line, string Reason);
