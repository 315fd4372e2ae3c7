using OpenMetrics.Core.Analysis.Retention;
using OpenMetrics.Core.Query.Segments;

namespace OpenMetrics.Core.Query.Retention;

/// <summary>A parsed <c>POST /api/query/retention</c>: the engine's definition and the query's segment.</summary>
/// <param name="SegmentId">A saved segment to look up; null when the segment is inline or absent.</param>
public sealed record RetentionQuery(RetentionDefinition Definition, string? SegmentId, SegmentDefinition? Segment);
