using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Query.Segments;

namespace OpenMetrics.Core.Query.Funnels;

/// <summary>A parsed <c>POST /api/query/funnel</c>: the engine's definition, the zone its dates were read in, and its segment.</summary>
/// <param name="SegmentId">A saved segment to look up; null when the segment is inline or absent.</param>
public sealed record FunnelQuery(FunnelDefinition Definition, TimeZoneInfo Zone, string? SegmentId, SegmentDefinition? Segment);
