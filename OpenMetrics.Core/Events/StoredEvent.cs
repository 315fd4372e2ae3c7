using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Events;

/// <summary>
/// The keys and properties of a raw event, one copy in each of the two event tables. The row keys hold the event's
/// time and a hash of its session and id, so a message processed twice writes the same rows again (an upsert, not a
/// duplicate), and a client's event id makes a retried call's event land on the same row.
/// </summary>
public static class StoredEvent
{
    /// <summary>Shards of an hour in the Events table: one busy hour spreads over this many partitions.</summary>
    public const int TimeShards = 16;

    public static string Key(string sessionId, string eventId) => StableHash.Hex128(sessionId + "\n" + eventId);

    /// <summary>Events: partition = UTC hour + shard of the session, row = ticks + key (time order within a partition).</summary>
    public static string TimePartition(DateTimeOffset ts, string sessionId) =>
        $"{ts.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}_{StableHash.Shard(sessionId, TimeShards):x}";

    public static string TimeRow(DateTimeOffset ts, string key) => $"{ts.UtcTicks:D19}_{key}";

    /// <summary>SessionEvents: partition = the session, row = inverted ticks + key, so a page reads newest first.</summary>
    public static string SessionPartition(string sessionId) => KeyEncoding.KeyPart(sessionId);

    public static string SessionRow(DateTimeOffset ts, string key) => $"{DateTimeOffset.MaxValue.UtcTicks - ts.UtcTicks:D19}_{key}";

    public static TableEntity Entity(string partitionKey, string rowKey, IngestMessage message, IngestEvent ingestEvent, string userKey)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["SessionId"] = message.SessionId,
            ["EventId"] = ingestEvent.Id,
            ["Name"] = ingestEvent.Name,
            ["Ts"] = ingestEvent.Ts,
            ["ReceivedAt"] = message.ReceivedAt,
            ["Seq"] = ingestEvent.Seq,
            ["Active"] = ingestEvent.Active,
            ["UserKey"] = userKey,
        };
        EntityText.Write(entity, "Props", ingestEvent.Props?.GetRawText());
        return entity;
    }
}
