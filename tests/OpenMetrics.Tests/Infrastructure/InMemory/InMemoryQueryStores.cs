using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Apps.Query.Trends;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.CustomMetrics;
using OpenMetrics.Core.Query.Funnels;
using OpenMetrics.Core.Query.Metrics;
using OpenMetrics.Core.Query.Retention;
using OpenMetrics.Core.Query.Segments;
using OpenMetrics.Core.Query.Streams;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>
/// Every store the query side reads, in memory, and the analyses wired over them as the function app wires them
/// (Apps/Hosting/QueryServices and AnalysisServices): the trends handler, the metrics query, the funnel and the retention analysis.
/// </summary>
public sealed class InMemoryQueryStores(DateTimeOffset now)
{
    private readonly QueryLimits _limits = new();

    public InMemoryEvents Events { get; } = new();

    public InMemoryIdentity Identity { get; } = new();

    public InMemoryPreaggregates Preaggregates { get; } = new();

    public InMemoryUserSets Users { get; } = new();

    public InMemorySavedItems Saved { get; } = new();

    public InMemoryMetricPoints Metrics { get; } = new();

    public FakeTimeProvider Clock { get; } = new(now);

    public TrendsHandler Trends()
    {
        var sources = Sources();
        return new TrendsHandler(
            new TrendsQueryParser(_limits, Clock), new PreaggregateTrends(Preaggregates, Users), new RawTrends(Events, _limits), MetricTrends(), sources, Segments(sources), Clock);
    }

    public Task<TrendsAnswer> TrendsAsync(string json) => Trends().AnswerAsync(new TrendsQueryParser(_limits, Clock).Parse(Json(json)), CancellationToken.None);

    public MetricTrends MetricTrends() => new(Metrics, _limits, Clock);

    public Task<TrendsAnswer> MetricsAsync(string json) => MetricTrends().AnswerAsync(new MetricsQueryParser(_limits, Clock).Parse(Json(json)), CancellationToken.None);

    public FunnelAnalysis Funnels()
    {
        var sources = Sources();
        return new FunnelAnalysis(new FunnelQueryParser(_limits, Clock), new UserStreamReader(Events), Segments(sources), sources, Clock);
    }

    public RetentionAnalysis Retention()
    {
        var sources = Sources();
        return new RetentionAnalysis(
            new RetentionQueryParser(_limits, Clock), new UserStreamReader(Events), new FirstStartLookup(Users), Segments(sources), sources, Clock);
    }

    public CustomMetricParser MetricParser() =>
        new(new TrendsQueryParser(_limits, Clock), new FunnelQueryParser(_limits, Clock), new RetentionQueryParser(_limits, Clock), Clock);

    public CustomMetricValues CustomMetrics() => new(
        Saved, MetricParser(), new TrendMetricValues(new TrendsQueryParser(_limits, Clock), Trends(), Clock),
        new FunnelConversionValues(Funnels(), Clock), new RetentionMetricValues(Retention(), Clock), Clock);

    /// <summary>A metric's value over <c>[from, to)</c> in UTC at <paramref name="interval"/>; the metric is a saved item's JSON.</summary>
    public Task<CustomMetricValue> MetricValueAsync(string metricJson, DateTimeOffset from, DateTimeOffset to, TrendInterval interval) =>
        CustomMetrics().ValueAsync(null, MetricParser().Parse(Json(metricJson)), new MetricWindow(from, to, TimeZoneInfo.Utc), interval, CancellationToken.None);

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private QuerySources Sources() => new(Identity, Events, Users);

    private SegmentResolver Segments(QuerySources sources) => new(Saved, sources, Clock);
}
