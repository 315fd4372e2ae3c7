using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Streams;

/// <summary>What a funnel or retention reads of the raw events: the range, how events are matched and grouped.</summary>
/// <param name="KeepUnmatched">Keep events that match no predicate (a strict funnel needs them: any other event breaks a sequence).</param>
/// <param name="NeedsUserProps">Load every user's properties now (a segment or a user-property filter or breakdown reads them).</param>
public sealed record UserStreamRequest(
    DateTimeOffset From,
    DateTimeOffset To,
    EventMatcher Matcher,
    Breakdown? Breakdown,
    BreakdownValues BreakdownValues,
    bool KeepUnmatched,
    bool NeedsUserProps);
