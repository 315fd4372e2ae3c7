using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Segments;

/// <summary>A behaviour condition of a segment: the user did (or did not) <paramref name="Event"/> in the last <paramref name="WithinDays"/> days.</summary>
public sealed record SegmentBehavior(string Event, bool Did, int WithinDays, IReadOnlyList<PropertyFilter> Filters);
