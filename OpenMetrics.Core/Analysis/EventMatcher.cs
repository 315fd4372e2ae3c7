using System.Text.Json;

namespace OpenMetrics.Core.Analysis;

/// <summary>
/// A query's predicates compiled once, then asked per event which of them it matches (bit i for predicate i). The
/// predicates of one name are found with one dictionary look-up; filters are evaluated only for those.
/// </summary>
public sealed class EventMatcher
{
    /// <summary>One bit of a <see cref="ulong"/> per predicate.</summary>
    public const int MaxPredicates = 64;

    private readonly Dictionary<string, Compiled[]> _byName;
    private readonly Compiled[] _anyActive;

    public EventMatcher(IReadOnlyList<EventPredicate> predicates)
    {
        if (predicates.Count > MaxPredicates)
        {
            throw new ArgumentException($"At most {MaxPredicates} predicates fit one event's bits.", nameof(predicates));
        }

        var compiled = predicates.Select((p, index) => (p.Event, Item: new Compiled(1UL << index, [.. p.Filters]))).ToList();
        _byName = compiled.Where(c => c.Event is not null)
            .GroupBy(c => c.Event!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Item).ToArray(), StringComparer.Ordinal);
        _anyActive = [.. compiled.Where(c => c.Event is null).Select(c => c.Item)];
        var scopes = predicates.SelectMany(p => p.Filters).Select(f => f.On).ToHashSet();
        NeedsUserProps = scopes.Contains(PropertyScope.User);
        NeedsSessionProps = scopes.Contains(PropertyScope.Session);
    }

    /// <summary>Whether some filter reads the user's properties: the caller then has to supply them.</summary>
    public bool NeedsUserProps { get; }

    /// <summary>Whether some filter reads the session's properties.</summary>
    public bool NeedsSessionProps { get; }

    public ulong Match(string name, bool active, JsonElement? eventProps, JsonElement? userProps = null, JsonElement? sessionProps = null)
    {
        var matches = 0UL;
        if (_byName.TryGetValue(name, out var named))
        {
            matches |= MatchAll(named, eventProps, userProps, sessionProps);
        }

        if (active && _anyActive.Length > 0)
        {
            matches |= MatchAll(_anyActive, eventProps, userProps, sessionProps);
        }

        return matches;
    }

    private static ulong MatchAll(Compiled[] predicates, JsonElement? eventProps, JsonElement? userProps, JsonElement? sessionProps)
    {
        var matches = 0UL;
        foreach (var predicate in predicates)
        {
            if (predicate.Matches(eventProps, userProps, sessionProps))
            {
                matches |= predicate.Bit;
            }
        }

        return matches;
    }

    private sealed record Compiled(ulong Bit, PropertyFilter[] Filters)
    {
        public bool Matches(JsonElement? eventProps, JsonElement? userProps, JsonElement? sessionProps)
        {
            foreach (var filter in Filters)
            {
                var props = filter.On switch
                {
                    PropertyScope.User => userProps,
                    PropertyScope.Session => sessionProps,
                    _ => eventProps,
                };
                if (!filter.Matches(props))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
