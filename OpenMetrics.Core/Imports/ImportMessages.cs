using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// Turns the events of one import chunk into the ingest messages the live path would have made, one list per
/// session, in the order they must be processed: the setUserId links first, then the user properties, then the
/// events. Every id is made from the import, the chunk and the session's place in it, so the same chunk processed
/// again makes the same messages, which the ledger of counted messages then counts once (docs/imports.md).
/// </summary>
public static class ImportMessages
{
    /// <summary>The prefix of an imported user's own session: <c>import:{userId}</c>.</summary>
    public const string UserSessionPrefix = "import:";

    /// <summary>
    /// Our own session when the file names one; else Amplitude's device, which a row with a <c>user_id</c> then links
    /// to the user as setUserId would (a merge); else a session of the user's own.
    /// </summary>
    public static string SessionOf(ImportedEvent imported) =>
        imported.SessionId ?? imported.DeviceId ?? UserSessionPrefix + imported.UserId;

    public static IReadOnlyList<IReadOnlyList<IngestMessage>> Build(string importId, int chunk, IReadOnlyList<ImportedEvent> events)
    {
        var sessions = new List<IReadOnlyList<IngestMessage>>();
        var group = 0;
        foreach (var session in events.GroupBy(SessionOf, StringComparer.Ordinal))
        {
            sessions.Add(ForSession($"imp-{importId}-{chunk}-{group++}", session.Key, [.. session]));
        }

        return sessions;
    }

    private static List<IngestMessage> ForSession(string prefix, string sessionId, List<ImportedEvent> rows)
    {
        var messages = new List<IngestMessage>();
        var users = rows.Where(row => row.UserId is not null).GroupBy(row => row.UserId!, StringComparer.Ordinal).ToList();
        for (var k = 0; k < users.Count; k++)
        {
            // Its time is the user's first row: the session's first seen, as a live setUserId's receive time would be.
            var at = users[k].Min(row => row.Ts);
            messages.Add(Message($"{prefix}.u{k}", V1Call.SetUserId, at, sessionId) with { UserId = users[k].Key });
        }

        var written = 0;
        foreach (var (at, props) in LatestUserProps(rows))
        {
            // Written at the row's own time, so a later write through the live API keeps its value (later write wins).
            messages.Add(Message($"{prefix}.p{written++}", V1Call.SetUserProps, at, sessionId) with { Props = props });
        }

        var batch = rows.Select((row, seq) => new IngestEvent(row.InsertId, row.Name, row.Ts, seq, row.Props, row.Active)).ToList();
        var call = new ValidatedCall(V1Call.Events, $"{prefix}.e", rows.Max(row => row.Ts), sessionId, null, null, null, batch, []);
        messages.AddRange(IngestMessageBuilder.Build(call).Select(encoded => encoded.Message));
        return messages;
    }

    /// <summary>
    /// Each user property's latest value in the chunk, grouped by the time it was written: an export that repeats a
    /// user's properties on every row becomes one write, not one per row.
    /// </summary>
    private static IEnumerable<(DateTimeOffset At, JsonElement Props)> LatestUserProps(List<ImportedEvent> rows)
    {
        var latest = new Dictionary<string, (DateTimeOffset At, JsonElement Value)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.UserProps is not { ValueKind: JsonValueKind.Object } props)
            {
                continue;
            }

            foreach (var property in props.EnumerateObject())
            {
                if (!latest.TryGetValue(property.Name, out var known) || row.Ts >= known.At)
                {
                    latest[property.Name] = (row.Ts, property.Value);
                }
            }
        }

        foreach (var written in latest.GroupBy(pair => pair.Value.At).OrderBy(g => g.Key))
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (key, (_, value)) in written)
                {
                    writer.WritePropertyName(key);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.ToArray());
            yield return (written.Key, document.RootElement.Clone());
        }
    }

    private static IngestMessage Message(string id, V1Call kind, DateTimeOffset at, string sessionId) =>
        new(IngestMessage.CurrentVersion, id, id, kind, at, sessionId, Part: 0, Parts: 1);
}
