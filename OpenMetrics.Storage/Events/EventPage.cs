using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Events;

/// <summary>One page of raw events as a table entity: the message's shared fields as properties, the events as JSON.</summary>
public static class EventPage
{
    public static TableEntity Create(string partitionKey, string rowKey, IngestMessage message, IReadOnlyList<IngestEvent> events, string userKey)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["SessionId"] = message.SessionId,
            ["MessageId"] = message.Id,
            ["ReceivedAt"] = message.ReceivedAt,
            ["UserKey"] = userKey,
            ["Count"] = events.Count,
            ["FirstTs"] = events.Min(e => e.Ts),
            ["LastTs"] = events.Max(e => e.Ts),
        };
        var rows = events.Select(e => new PageEvent(e.Id, e.Name, e.Ts, e.Seq, e.Active, e.Props)).ToList();
        EntityText.Write(entity, "Events", StoredJson.Write(writer => JsonSerializer.Serialize(writer, rows, EventPageJson.Default.ListPageEvent)));
        return entity;
    }

    public static IEnumerable<StoredEvent> Read(TableEntity page)
    {
        var sessionId = page.GetString("SessionId");
        var receivedAt = page.GetDateTimeOffset("ReceivedAt") ?? default;
        var userKey = page.GetString("UserKey");
        var events = JsonSerializer.Deserialize(EntityText.Read(page, "Events") ?? "[]", EventPageJson.Default.ListPageEvent)!;
        return events.Select(e => new StoredEvent(sessionId, e.Id, e.Name, e.Ts, receivedAt, e.Seq, e.Active, e.Props, userKey));
    }
}

/// <summary>An event inside a page: what differs from event to event.</summary>
internal sealed record PageEvent(string Id, string Name, DateTimeOffset Ts, int Seq, bool Active, JsonElement? Props);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<PageEvent>))]
internal sealed partial class EventPageJson : JsonSerializerContext;
