using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Query.Catalog;

namespace OpenMetrics.Apps.Query.Catalog;

/// <summary>
/// <c>GET /api/catalog</c>: every event with its count, last seen, property keys and its 10 most frequent values per
/// key; <c>GET /api/catalog?event=NAME</c>: that event alone (or none) with up to 50 values per key, for
/// autocompleting a filter's value; beside them the names of the imported metrics (<c>metrics</c>). See docs/query.md.
/// </summary>
public sealed class CatalogHandler(EventCatalog catalog, IMetricNames metrics) : IQueryHandler
{
    public const int ValuesInListing = 10;
    public const int ValuesForOneEvent = 50;

    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var eventName = QueryStringArguments.Text(request, "event");
        var snapshot = await catalog.GetAsync(cancellationToken);
        var entries = eventName is null
            ? snapshot.Events.Select(facts => facts.ToEntry(ValuesInListing))
            : snapshot.Events.Where(facts => string.Equals(facts.Name, eventName, StringComparison.Ordinal)).Select(facts => facts.ToEntry(ValuesForOneEvent));
        // Read each time, not cached with the events: one small partition, and a metric pushed a moment ago shows at once.
        var metricNames = await metrics.ListAsync(cancellationToken);
        return QueryAnswers.Answer(new CatalogAnswer(snapshot.Since, snapshot.Until, snapshot.ComputedAt, [.. entries], metricNames));
    }
}
