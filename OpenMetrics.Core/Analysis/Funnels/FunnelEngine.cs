namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// Computes a funnel over users streamed one at a time (docs/semantics.md "Funnels"). The caller resolves identities,
/// reads each user's events in <see cref="EventOrder"/>, matches them against <see cref="Predicates"/> (an
/// <see cref="EventMatcher"/> does it) and calls <see cref="AddUser"/>; the engine keeps per-step counts, conversion
/// times and capped drop-off lists, never the events. Strict order needs every event of the user in the stream (any
/// other event breaks a strict sequence); the other orders ignore events that match nothing, which the caller may drop.
/// The stream has to cover <c>[From, To + Window]</c>: entries start in <c>[From, To)</c> and convert up to W later.
/// </summary>
public sealed class FunnelEngine
{
    private readonly FunnelDefinition _definition;
    private readonly Func<AnalysisUser, bool>? _segment;
    private readonly FunnelPaths _paths;
    private readonly FunnelTally _all;
    private readonly Dictionary<int, FunnelTally> _byGroup = [];
    private readonly long[] _stepTicks;

    /// <param name="segment">Which users count (a segment); null for everyone.</param>
    public FunnelEngine(FunnelDefinition definition, Func<AnalysisUser, bool>? segment = null)
    {
        Validate(definition);
        _definition = definition;
        _segment = segment;
        var plan = new FunnelPlan(definition);
        _paths = FunnelPaths.For(definition, plan);
        _all = new FunnelTally(definition.Steps.Count, definition.DropOffLimit);
        _stepTicks = new long[definition.Steps.Count];
        Predicates = [.. definition.Steps.Select(s => s.Predicate), .. definition.Exclusions.Select(e => e.Predicate)];
    }

    /// <summary>The predicates whose bits the events carry: step k is bit k, exclusion j is bit <c>steps + j</c>.</summary>
    public IReadOnlyList<EventPredicate> Predicates { get; }

    /// <summary>The breakdown values the events' <see cref="AnalysisEvent.Group"/> ids refer to.</summary>
    public BreakdownValues BreakdownValues { get; } = new();

    /// <summary>Adds one user; <paramref name="events"/> are all of theirs in the range, in <see cref="EventOrder"/>.</summary>
    public void AddUser(in AnalysisUser user, ReadOnlySpan<AnalysisEvent> events)
    {
        for (var index = 1; index < events.Length; index++)
        {
            if (events[index].Ticks < events[index - 1].Ticks)
            {
                throw new ArgumentException("A user's events must come in time order.", nameof(events));
            }
        }

        if (_segment is not null && !_segment(user))
        {
            return;
        }

        var reach = _paths.FindBest(events, _stepTicks, out var entry);
        if (reach == 0)
        {
            return;
        }

        _all.Add(user.Key, reach, _stepTicks);
        if (_definition.Breakdown is not null)
        {
            var group = events[entry].Group;
            if (!_byGroup.TryGetValue(group, out var tally))
            {
                tally = new FunnelTally(_definition.Steps.Count, _definition.DropOffLimit);
                _byGroup.Add(group, tally);
            }

            tally.Add(user.Key, reach, _stepTicks);
        }
    }

    public FunnelResult Result()
    {
        var steps = _all.Steps(_definition.Steps);
        if (_definition.Breakdown is not { } breakdown)
        {
            return new FunnelResult(steps, null);
        }

        var ranked = _byGroup
            .Select(pair => (Value: BreakdownValues.ValueOf(pair.Key), Tally: pair.Value))
            .OrderByDescending(g => g.Tally.EnteredUsers)
            .ThenBy(g => g.Value is null)
            .ThenBy(g => g.Value, StringComparer.Ordinal)
            .ToList();
        var groups = ranked.Take(breakdown.Limit).Select(g => new FunnelBreakdownResult(g.Value, g.Tally.Steps(_definition.Steps))).ToList();
        if (ranked.Count > breakdown.Limit)
        {
            var other = new FunnelTally(_definition.Steps.Count, _definition.DropOffLimit);
            foreach (var (_, tally) in ranked.Skip(breakdown.Limit))
            {
                other.Add(tally);
            }

            groups.Add(new FunnelBreakdownResult(Breakdown.Other, other.Steps(_definition.Steps)));
        }

        return new FunnelResult(steps, groups);
    }

    private static void Validate(FunnelDefinition definition)
    {
        var steps = definition.Steps.Count;
        if (steps == 0)
        {
            throw new ArgumentException("A funnel needs at least one step.", nameof(definition));
        }

        if (steps + definition.Exclusions.Count > EventMatcher.MaxPredicates)
        {
            throw new ArgumentException($"Steps and exclusions together are at most {EventMatcher.MaxPredicates}.", nameof(definition));
        }

        if (definition.From >= definition.To)
        {
            throw new ArgumentException("From must be before To.", nameof(definition));
        }

        if (definition.Window < TimeSpan.Zero || definition.DropOffLimit < 0 || definition.Breakdown is { Limit: < 1 })
        {
            throw new ArgumentException("The window and the drop-off limit cannot be negative, and a breakdown shows at least one value.", nameof(definition));
        }

        foreach (var exclusion in definition.Exclusions)
        {
            var to = exclusion.ToStep ?? steps - 1;
            if (exclusion.FromStep < 0 || to >= steps || exclusion.FromStep >= to)
            {
                throw new ArgumentException($"The exclusion of '{exclusion.Event}' must apply from a step to a later step of the funnel.", nameof(definition));
            }
        }
    }
}
