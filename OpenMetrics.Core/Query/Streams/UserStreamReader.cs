using System.Text.Json;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query.Filters;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Core.Query.Streams;

/// <summary>
/// Reads the raw events of a range, a UTC day at a time (<see cref="RawEventScanner"/>), and sorts them into per-user
/// streams: each event's session is resolved to its user now (SEMANTICS.md: a later setUserId moves the session's
/// events), matched against the query's predicates and given its breakdown group while its properties are at hand;
/// only the compact result is kept. Events that match nothing are dropped unless the query needs them.
/// </summary>
public sealed class UserStreamReader(RawEventScanner scanner)
{
    public async Task<UserStreams> ReadAsync(UserStreamRequest request, TrendPeople people, CancellationToken cancellationToken)
    {
        var byUser = new Dictionary<string, List<StreamEvent>>(StringComparer.Ordinal);
        var needsUserProps = request.NeedsUserProps || request.Matcher.NeedsUserProps || request.Breakdown?.On == PropertyScope.User;
        var needsSessionProps = request.Matcher.NeedsSessionProps || request.Breakdown?.On == PropertyScope.Session;
        var read = await scanner.ScanAsync(request.From, request.To, async day =>
        {
            await people.LoadForDayAsync(day, users: true, needsUserProps, needsSessionProps, cancellationToken);

            foreach (var stored in day)
            {
                var user = people.Sessions.UserOf(stored.SessionId, stored.UserKey);
                var userProps = needsUserProps ? people.UserProps.Of(user) : null;
                var sessionProps = needsSessionProps ? people.SessionProps.Of(stored.SessionId) : null;
                var matches = request.Matcher.Match(stored.Name, stored.Active, stored.Props, userProps, sessionProps);
                if (matches == 0 && !request.KeepUnmatched)
                {
                    continue;
                }

                if (!byUser.TryGetValue(user, out var events))
                {
                    events = [];
                    byUser.Add(user, events);
                }

                events.Add(new StreamEvent(
                    stored.Ts.UtcTicks, stored.ReceivedAt.UtcTicks, stored.Seq, StreamEvent.Hash(stored.SessionId, stored.EventId),
                    matches, GroupOf(request, stored, userProps, sessionProps)));
            }
        }, cancellationToken);

        if (request.NeedsUserProps)
        {
            await people.UserProps.LoadAsync(byUser.Keys, cancellationToken);
        }

        return new UserStreams(byUser, people, read);
    }

    private static int GroupOf(UserStreamRequest request, StoredEvent stored, JsonElement? userProps, JsonElement? sessionProps) =>
        request.Breakdown is { } breakdown ? request.BreakdownValues.IdOf(breakdown.ValueIn(stored.Props, userProps, sessionProps)) : 0;
}
