using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OpenMetrics.Core.Identity;
using OpenMetrics.Core.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Storage.Privacy;

/// <summary>
/// <c>GET /api/users/{id}/export</c>: everything stored about a user, as one JSON document written while it is read
/// (a session's events at a time), so that a user with millions of events needs no more memory than their largest
/// session. Shape (docs/query.md): <c>userId</c>, <c>exportedAt</c>, <c>profiles</c> (the user's and every merged
/// user's props with each key's write time), <c>sessions</c> (props with write times, first and last seen, and every
/// raw event as stored), <c>memberships</c> (the user-set rows: month, bucket, event).
/// </summary>
public sealed class UserExport(IdentityStore identity, UserFootprint footprint, EventStore events, MemberStore members, TimeProvider clock)
{
    /// <returns>Null when the id is not a user.</returns>
    public async Task<Func<Stream, CancellationToken, Task>?> PrepareAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await identity.ReadProfileAsync(userId, cancellationToken) is null ? null : await identity.ResolveAsync(userId, cancellationToken);
        if (userKey is null || await footprint.FindAsync(userKey, cancellationToken) is not { } found)
        {
            return null;
        }

        return (stream, token) => WriteAsync(stream, userKey, found.Users, found.Sessions, found.Months, token);
    }

    private async Task WriteAsync(Stream stream, string userKey, List<string> users, List<string> sessions, List<string> months, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("userId", userKey);
        json.WriteString("exportedAt", clock.GetUtcNow());

        json.WriteStartArray("profiles");
        foreach (var user in users)
        {
            if (await identity.ReadProfileAsync(user, cancellationToken) is { } profile)
            {
                json.WriteStartObject();
                json.WriteString("userId", user);
                json.WriteBoolean("anonymous", UserKeys.IsAnonymous(user));
                json.WriteString("mergedInto", profile.GetString("MergedInto"));
                WriteProps(json, profile);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("sessions");
        foreach (var sessionId in sessions)
        {
            var session = await identity.ReadSessionAsync(sessionId, cancellationToken);
            json.WriteStartObject();
            json.WriteString("sessionId", sessionId);
            json.WriteString("userId", session?.GetString("UserKey"));
            WriteTime(json, "firstSeen", session?.GetDateTimeOffset("FirstSeen"));
            WriteTime(json, "lastSeen", session?.GetDateTimeOffset("LastSeen"));
            WriteProps(json, session);
            json.WriteStartArray("events");
            foreach (var stored in await events.ReadSessionAsync(sessionId, cancellationToken))
            {
                json.WriteStartObject();
                json.WriteString("id", stored.EventId);
                json.WriteString("event", stored.Name);
                json.WriteString("ts", stored.Ts);
                json.WriteString("receivedAt", stored.ReceivedAt);
                json.WriteBoolean("active", stored.Active);
                json.WritePropertyName("props");
                if (stored.Props is { } props)
                {
                    props.WriteTo(json);
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteStartArray("memberships");
        foreach (var user in users)
        {
            foreach (var month in months)
            {
                var partition = $"{month}_{StableHash.Shard(user, MemberKeys.Shards).ToString(CultureInfo.InvariantCulture)}";
                await foreach (var row in members.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and UserKey eq {user}"), select: ["RowKey"], cancellationToken: cancellationToken))
                {
                    var parts = row.RowKey.Split('|');
                    json.WriteStartObject();
                    json.WriteString("userId", user);
                    json.WriteString("month", month);
                    json.WriteString("bucket", parts[0]);
                    json.WriteString("event", parts[1] == MemberKeys.ActiveEvent ? MemberKeys.ActiveEvent : KeyEncoding.Decode(parts[1]));
                    json.WriteEndObject();
                }
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>A row's props and, per key, when it was written (the receive time of the call that set it).</summary>
    private static void WriteProps(Utf8JsonWriter json, TableEntity? row)
    {
        var bag = LatestWriteWins.Parse(row is null ? null : EntityText.Read(row, "Props"), row is null ? null : EntityText.Read(row, "PropTimes"));
        json.WritePropertyName("props");
        (JsonNode.Parse(bag.ValuesJson) ?? new JsonObject()).WriteTo(json);
        json.WriteStartObject("propTimes");
        foreach (var (key, ticks) in JsonNode.Parse(bag.TimesJson)!.AsObject())
        {
            json.WriteString(key, new DateTimeOffset(ticks!.GetValue<long>(), TimeSpan.Zero));
        }

        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
