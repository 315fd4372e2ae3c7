namespace OpenMetrics.Core.Imports;

/// <summary>
/// An import as <c>GET /api/imports/{id}</c> shows it (docs/imports.md, "The imports API"). The row figures are the
/// sums of the chunks processed so far, so they grow while it runs.
/// </summary>
/// <param name="BytesRead">Bytes of the file received so far, as sent (compressed when gzip).</param>
/// <param name="RowsRead">Records of the processed chunks: every line that held a record, refused or not.</param>
/// <param name="EventsAccepted">Rows that became events. One already stored (same insert id for its user) is accepted again but counts once in every figure.</param>
/// <param name="Refused">The first 100 refused rows, by line number.</param>
/// <param name="Error">Why a failed import failed, in plain words; else null.</param>
/// <param name="Chunks">Chunks the file was split into so far.</param>
/// <param name="ChunksDone">Chunks whose rows are all counted.</param>
public sealed record ImportStatus(
    string Id,
    string Format,
    string State,
    long BytesRead,
    long RowsRead,
    long EventsAccepted,
    long RowsRefused,
    IReadOnlyList<RefusedRow> Refused,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Chunks,
    int ChunksDone);

/// <summary>A row of an import file that was not imported: its line (1-based, across parts as if one file) and why.</summary>
public sealed record RefusedRow(long Line, string Reason);
