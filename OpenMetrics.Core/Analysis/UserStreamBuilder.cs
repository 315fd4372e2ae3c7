using System.Text.Json;
using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Analysis;

/// <summary>
/// Turns one resolved user's stored events (from any of their sessions, anonymous ones included) into the stream the
/// engines read: put in <see cref="EventOrder"/>, matched against the query's predicates, and given the breakdown
/// value the query asks for. Every event is kept, matched or not: a strict funnel needs to see the others.
/// </summary>
public sealed class UserStreamBuilder(EventMatcher matcher, Breakdown? breakdown = null, BreakdownValues? values = null)
{
    private readonly BreakdownValues _values = values ?? new BreakdownValues();

    /// <param name="events">The user's events; sorted in place.</param>
    /// <param name="sessionProps">The properties of a session now, by session id (needed when filters or the breakdown read them).</param>
    /// <param name="into">Cleared, then filled with the stream.</param>
    public void Build(List<StoredEvent> events, JsonElement? userProps, Func<string, JsonElement?>? sessionProps, List<AnalysisEvent> into)
    {
        events.Sort(EventOrder.Instance);
        into.Clear();
        foreach (var stored in events)
        {
            var session = sessionProps is not null && (matcher.NeedsSessionProps || breakdown?.On == PropertyScope.Session)
                ? sessionProps(stored.SessionId)
                : null;
            var matches = matcher.Match(stored.Name, stored.Active, stored.Props, userProps, session);
            into.Add(new AnalysisEvent(stored.Ts.UtcTicks, matches, GroupOf(stored, userProps, session)));
        }
    }

    private int GroupOf(StoredEvent stored, JsonElement? userProps, JsonElement? sessionProps) =>
        breakdown is null ? 0 : _values.IdOf(breakdown.ValueIn(stored.Props, userProps, sessionProps));
}
