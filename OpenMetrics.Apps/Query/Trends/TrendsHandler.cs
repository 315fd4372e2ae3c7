using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Metrics;
using OpenMetrics.Core.Query.Segments;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Apps.Query.Trends;

/// <summary>
/// <c>POST /api/query/trends</c>: parse, then the pre-aggregates when they can answer exactly, else the raw events;
/// <c>meta.source</c> says which and <c>meta.reason</c> why the raw events were needed. Metric series are read from
/// the imported points on the same buckets, and a formula mixes them with the events.
/// </summary>
public sealed class TrendsHandler(
    TrendsQueryParser parser,
    PreaggregateTrends preaggregates,
    RawTrends raw,
    MetricTrends metrics,
    QuerySources context,
    SegmentResolver segments,
    TimeProvider clock) : IQueryHandler, ITrendsAnswers
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var query = parser.Parse(await QueryBody.ReadObjectAsync(request, cancellationToken));
        return QueryAnswers.Answer(await AnswerAsync(query, cancellationToken));
    }

    public async Task<TrendsAnswer> AnswerAsync(TrendsQuery query, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (query.SegmentId is { } segmentId)
        {
            query = query with { SegmentId = null, Segment = await segments.LookupAsync(segmentId, cancellationToken) };
        }

        var buckets = LocalBuckets.Of(query.From, query.To, query.Interval, query.Zone);
        List<TrendsAnswer.Line> lines;
        string source;
        string? reason = null;
        if (!query.HasMetricSeries)
        {
            (lines, source, reason) = await EventLinesAsync(query, buckets, cancellationToken);
        }
        else
        {
            var events = query.EventSeriesOnly();
            var eventLines = new List<TrendsAnswer.Line>();
            source = MetricTrends.Source;
            if (events.Series.Count > 0)
            {
                (eventLines, var eventSource, reason) = await EventLinesAsync(events, buckets, cancellationToken);
                source = $"{eventSource}+{MetricTrends.Source}";
            }

            lines = TrendsAnswerBuilder.Combine(query, buckets, eventLines, await metrics.LinesAsync(query, buckets, cancellationToken));
        }

        return new TrendsAnswer(lines, new TrendsAnswer.Info(
            source, clock.GetUtcNow(), reason, query.From, query.To, query.Zone.Id, query.Interval.ToString().ToLowerInvariant(), watch.ElapsedMilliseconds));
    }

    private async Task<(List<TrendsAnswer.Line> Lines, string Source, string? Reason)> EventLinesAsync(
        TrendsQuery query, IReadOnlyList<LocalBucket> buckets, CancellationToken cancellationToken)
    {
        var reason = PreaggregateTrends.WhyNot(query);
        if (reason is not null && query.Source == TrendSource.Preaggregate)
        {
            throw new QueryException($"The pre-aggregates cannot answer this query: {reason}.", "source");
        }

        TrendTable? table = null;
        if (reason is null && query.Source != TrendSource.Raw)
        {
            table = await preaggregates.ComputeAsync(query, buckets, cancellationToken);
            if (table is null && query.Source == TrendSource.Preaggregate)
            {
                throw new QueryException("The pre-aggregates cannot answer this query exactly: its buckets are not whole minutes, or some property values were counted as $other.", "source");
            }

            reason = table is null ? "its buckets are not whole UTC minutes (or hours for users), or some property values were counted as $other" : null;
        }

        var source = table is null ? "raw" : "preaggregate";
        if (table is null)
        {
            var people = context.People();
            var segment = await segments.PrepareAsync(null, query.Segment, people, cancellationToken);
            table = await raw.ComputeAsync(query, buckets, people, segment, cancellationToken);
            reason ??= "asked for";
        }

        return (TrendsAnswerBuilder.Build(query, buckets, table), source, reason);
    }
}
