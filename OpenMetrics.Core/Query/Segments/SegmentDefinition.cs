using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Segments;

/// <summary>
/// A user group (docs/semantics.md, "Trends": a segment restricts to matching users): conditions on user properties at
/// query time and on behaviour, all of which (or, with <paramref name="MatchAny"/>, any of which) a user must meet.
/// </summary>
public sealed record SegmentDefinition(string Name, bool MatchAny, IReadOnlyList<PropertyFilter> Filters, IReadOnlyList<SegmentBehavior> Behaviors);
