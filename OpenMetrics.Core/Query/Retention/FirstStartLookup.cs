using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;
using OpenMetrics.Core.Time;

namespace OpenMetrics.Core.Query.Retention;

/// <summary>
/// What a first-time retention needs besides the range: who did the start event before it (they belong to no cohort).
/// The raw events are read from the start of <c>from</c>'s UTC month, so that month is exact; the months before come
/// from the exact monthly user sets of <c>Members</c>, <see cref="LookbackMonths"/> of them. Those sets hold plain event
/// names and "any active event" only: with filters on the start event, "first" means first since the start of that month.
/// </summary>
public sealed class FirstStartLookup(IUserSetReader members)
{
    public const int LookbackMonths = 24;

    /// <summary>Where the raw read of a retention starts: <c>from</c> itself, or for first-time cohorts the start of its UTC month.</summary>
    public static DateTimeOffset ReadFrom(RetentionDefinition definition)
    {
        if (definition.Type != RetentionType.First)
        {
            return definition.From;
        }

        var from = definition.From.UtcDateTime;
        return new DateTimeOffset(from.Year, from.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The users who did the start event in the months before <paramref name="readFrom"/>; empty when the sets cannot say.</summary>
    public async Task<HashSet<string>> StartedBeforeAsync(RetentionDefinition definition, DateTimeOffset readFrom, CancellationToken cancellationToken)
    {
        var start = definition.StartEvent ?? EventPredicate.AnyActive;
        if (definition.Type != RetentionType.First || start.Filters.Count > 0)
        {
            return [];
        }

        var months = Enumerable.Range(1, LookbackMonths).Select(back => new UtcCell(CellLevel.Month, readFrom.AddMonths(-back))).ToList();
        var sets = await members.ReadAsync(months, start.Event ?? IUserSetReader.ActiveUsers, cancellationToken);
        return [.. sets.Values.SelectMany(set => set)];
    }
}
