using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query.Streams;

/// <summary>
/// Reads the raw events of a range, a UTC day at a time (<see cref="RawEventScanner"/>), and sorts them into per-user
/// streams: each event's session is resolved to its user now (docs/semantics.md: a later setUserId moves the session's
/// events), matched against the query's predicates and given its breakdown group while its properties are at hand;
/// only the compact result is kept. Events that match nothing are dropped unless the query needs them.
/// </summary>
public sealed class UserStreamReader(IEventReader scanner)
{
    public async Task<UserStreams> ReadAsync(UserStreamRequest request, QueryIdentity people, CancellationToken cancellationToken)
    {
        // Events are filed under their user as they are read when matching needs the user's properties; otherwise under
        // their session, and sessions are resolved once at the end: one look-up over the whole range (SessionUsers then
        // reads all session rows in one scan when there are many) instead of point reads day by day.
        var perEvent = request.Matcher.NeedsUserProps || request.Breakdown?.On == PropertyScope.User;
        var needsSessionProps = request.Matcher.NeedsSessionProps || request.Breakdown?.On == PropertyScope.Session;
        var byKey = new Dictionary<string, List<StreamEvent>>(StringComparer.Ordinal);
        var writtenAs = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = await scanner.ScanAsync(request.From, request.To, async day =>
        {
            await people.LoadForDayAsync(day, users: perEvent, perEvent, needsSessionProps, cancellationToken);
            foreach (var stored in day)
            {
                var user = perEvent ? people.Sessions.UserOf(stored.SessionId, stored.UserKey) : null;
                var userProps = user is null ? null : people.UserProps.Of(user);
                var sessionProps = needsSessionProps ? people.SessionProps.Of(stored.SessionId) : null;
                var matches = request.Matcher.Match(stored.Name, stored.Active, stored.Props, userProps, sessionProps);
                if (matches == 0 && !request.KeepUnmatched)
                {
                    continue;
                }

                var key = user ?? stored.SessionId;
                if (!byKey.TryGetValue(key, out var events))
                {
                    events = [];
                    byKey.Add(key, events);
                    writtenAs.TryAdd(stored.SessionId, stored.UserKey);
                }

                events.Add(new StreamEvent(
                    stored.Ts.UtcTicks, stored.ReceivedAt.UtcTicks, stored.Seq, StreamEvent.Hash(stored.SessionId, stored.EventId),
                    matches, GroupOf(request, stored, userProps, sessionProps)));
            }
        }, cancellationToken);

        var byUser = perEvent ? byKey : await BySessionUserAsync(byKey, writtenAs, people, cancellationToken);
        if (request.NeedsUserProps)
        {
            await people.UserProps.LoadAsync(byUser.Keys, cancellationToken);
        }

        return new UserStreams(byUser, people, read);
    }

    /// <summary>Merges per-session streams into per-user ones, each session resolved to the user it belongs to now.</summary>
    private static async Task<Dictionary<string, List<StreamEvent>>> BySessionUserAsync(
        Dictionary<string, List<StreamEvent>> bySession, Dictionary<string, string> writtenAs, QueryIdentity people, CancellationToken cancellationToken)
    {
        await people.Sessions.LoadAsync(bySession.Keys, cancellationToken);
        var byUser = new Dictionary<string, List<StreamEvent>>(StringComparer.Ordinal);
        foreach (var (sessionId, events) in bySession)
        {
            var user = people.Sessions.UserOf(sessionId, writtenAs[sessionId]);
            if (byUser.TryGetValue(user, out var merged))
            {
                merged.AddRange(events);
            }
            else
            {
                byUser.Add(user, events);
            }
        }

        return byUser;
    }

    private static int GroupOf(UserStreamRequest request, StoredEvent stored, JsonElement? userProps, JsonElement? sessionProps) =>
        request.Breakdown is { } breakdown ? request.BreakdownValues.IdOf(breakdown.ValueIn(stored.Props, userProps, sessionProps)) : 0;
}
