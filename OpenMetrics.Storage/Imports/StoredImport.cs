using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Storage.Imports;

/// <summary>
/// An import's own row in <c>Imports</c> (partition <c>import</c>, row = id), read with its ETag so every change of
/// state is conditional: two parts sent at once, or two last chunks finishing together, cannot both win.
/// </summary>
/// <param name="Chunks">Chunk blobs written by the parts committed so far; the chunks of an uncommitted part are not counted.</param>
/// <param name="NextLine">The last line number (as if one file) of the committed parts: where the next part's lines continue.</param>
/// <param name="Parts">The committed parts, <c>token:firstChunk:count;</c> each: the token is in the names of that part's chunk blobs.</param>
public sealed record StoredImport(
    string Id,
    ImportFormat Format,
    string State,
    bool Final,
    int Chunks,
    long NextLine,
    long BytesRead,
    string Parts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ETag ETag)
{
    public const string Partition = "import";

    /// <summary>The blob names of every committed chunk, in chunk order.</summary>
    public IEnumerable<(int Chunk, string Blob)> ChunkBlobs()
    {
        foreach (var part in Parts.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(':');
            var first = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            var count = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
            for (var chunk = first; chunk < first + count; chunk++)
            {
                yield return (chunk, ImportChunks.BlobName(Id, chunk, fields[0]));
            }
        }
    }

    public TableEntity ToEntity() => new(Partition, Id)
    {
        ["Format"] = ImportFormats.Name(Format),
        ["State"] = State,
        ["Final"] = Final,
        ["Chunks"] = Chunks,
        ["NextLine"] = NextLine,
        ["BytesRead"] = BytesRead,
        ["Parts"] = Parts,
        ["Error"] = Error,
        ["CreatedAt"] = CreatedAt,
        ["StartedAt"] = StartedAt,
        ["FinishedAt"] = FinishedAt,
        ETag = ETag,
    };

    public static StoredImport From(TableEntity row)
    {
        if (!ImportFormats.TryParse(row.GetString("Format"), out var format))
        {
            throw new InvalidOperationException($"Import {row.RowKey} names the format '{row.GetString("Format")}', which this version does not know.");
        }

        return new(
            row.RowKey,
            format,
            row.GetString("State") ?? ImportState.Failed,
            row.GetBoolean("Final") ?? false,
            row.GetInt32("Chunks") ?? 0,
            row.GetInt64("NextLine") ?? 0,
            row.GetInt64("BytesRead") ?? 0,
            row.GetString("Parts") ?? "",
            row.GetString("Error"),
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("StartedAt"),
            row.GetDateTimeOffset("FinishedAt"),
            row.ETag);
    }
}
