using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// What one chunk came to, written once when all its rows are counted (partition <c>chunks_{id}</c>, row = the chunk
/// number): a chunk processed again finds it and adds nothing; the import's figures are the sums of these rows.
/// </summary>
/// <param name="Refused">The chunk's first refused rows (at most <see cref="MaxRefusedKept"/>), by line.</param>
public sealed record ImportChunkResult(int Chunk, long RowsRead, long EventsAccepted, long RowsRefused, IReadOnlyList<RefusedRow> Refused)
{
    /// <summary>The import shows its first 100 refused rows; a chunk keeps as many, in case it holds all of them.</summary>
    public const int MaxRefusedKept = 100;

    /// <summary>A reason is plain words; this bounds a row (a table property holds 32K characters) whatever a mapper says.</summary>
    private const int MaxReasonLength = 200;

    public static string Partition(string importId) => "chunks_" + importId;

    public static string Row(int chunk) => chunk.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public TableEntity ToEntity(string importId) => new(Partition(importId), Row(Chunk))
    {
        ["RowsRead"] = RowsRead,
        ["EventsAccepted"] = EventsAccepted,
        ["RowsRefused"] = RowsRefused,
        ["Refused"] = JsonSerializer.Serialize(
            Refused.Take(MaxRefusedKept).Select(r => new RefusedRow(r.Line, r.Reason.Length <= MaxReasonLength ? r.Reason : r.Reason[..MaxReasonLength])).ToList(),
            Core.Query.QueryJson.Options),
    };

    public static ImportChunkResult From(TableEntity row) => new(
        int.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture),
        row.GetInt64("RowsRead") ?? 0,
        row.GetInt64("EventsAccepted") ?? 0,
        row.GetInt64("RowsRefused") ?? 0,
        JsonSerializer.Deserialize<List<RefusedRow>>(row.GetString("Refused") ?? "[]", Core.Query.QueryJson.Options) ?? []);
}
