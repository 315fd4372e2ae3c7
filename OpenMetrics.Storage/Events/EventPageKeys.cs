using System.Globalization;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Events;

/// <summary>
/// Keys of the two raw event tables. Both hold pages: the events of one message (one session) in one UTC hour, packed
/// as JSON in one entity, so a 50-event call costs two entities instead of a hundred and a scan reads few, large rows.
/// Row keys derive from the message id, so a message processed twice writes the same pages again.
/// </summary>
public static class EventPageKeys
{
    /// <summary>Shards of an hour in the Events table: one busy hour spreads over this many partitions.</summary>
    public const int TimeShards = 16;

    /// <summary>Events: partition = UTC hour + shard of the session (<c>yyyyMMddHH_x</c>); row = the page's first event time + message.</summary>
    public static string TimePartition(DateTimeOffset hour, string sessionId) =>
        $"{HourKey(hour)}_{StableHash.Shard(sessionId, TimeShards):x}";

    public static string HourKey(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static string TimeRow(DateTimeOffset first, string messageId) => $"{first.UtcTicks:D19}_{StableHash.Hex128(messageId)}";

    /// <summary>SessionEvents: partition = the session; row = the page's last event time, inverted, so pages read newest first.</summary>
    public static string SessionPartition(string sessionId) => KeyEncoding.KeyPart(sessionId);

    public static string SessionRow(DateTimeOffset last, string hour, string messageId) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - last.UtcTicks:D19}_{hour}_{StableHash.Hex128(messageId)}";

    /// <summary>Page rows start with a digit; the ledger of client event ids (<c>id_…</c>) sorts after them.</summary>
    public const string PageRowsEnd = ":";
}
