namespace OpenMetrics.Core.Analysis;

/// <summary>
/// One event of a user's stream, reduced to what the funnel and retention engines read: its time and which of the
/// query's predicates it matches. Matching (names, property filters, the active flag) is done once, when the events
/// are read; the engines then work on bits, which is what lets them go through millions of events a second.
/// </summary>
/// <param name="Ticks">The event's time as UTC ticks (<see cref="DateTimeOffset.UtcTicks"/>).</param>
/// <param name="Matches">Bit i is set when the event matches predicate i of the engine's <c>Predicates</c>.</param>
/// <param name="Group">The event's breakdown value as an id of <see cref="BreakdownValues"/>; 0 is "not set".</param>
public readonly record struct AnalysisEvent(long Ticks, ulong Matches, int Group = 0);
