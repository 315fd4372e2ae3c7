using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Tests.Core.Functions;

/// <summary>
/// <c>POST api/metrics/points</c> sits beside the saved metrics' <c>api/metrics/{id}</c>. The local host's router
/// (ASP.NET Core) prefers the literal; the Functions host matches its routes in a list, each constrained to its
/// trigger's methods, ordered by specificity in recent hosts and by function name in older ones
/// (Azure/azure-functions-host#9876). These hold the catalog to every one of those orders; MetricsApiTests calls the
/// local host itself.
/// </summary>
public sealed class RoutePrecedenceTests
{
    [Theory]
    [InlineData("POST", "api/metrics/points", FunctionNames.AddMetricPoints)]
    [InlineData("GET", "api/metrics/points", FunctionNames.Metric)]
    [InlineData("PUT", "api/metrics/revenue", FunctionNames.Metric)]
    [InlineData("POST", "api/metrics", FunctionNames.Metrics)]
    [InlineData("POST", "api/query/metrics", FunctionNames.MetricsQuery)]
    [InlineData("POST", "api/query/trends", FunctionNames.Trends)]
    [InlineData("POST", "api/annotations", FunctionNames.Annotations)]
    [InlineData("GET", "api/annotations", FunctionNames.Annotations)]
    [InlineData("DELETE", "api/annotations/0638712345678901234_ab12", FunctionNames.DeleteAnnotation)]
    public void With_methods_as_route_constraints_one_function_takes_the_call_whatever_the_order(string method, string path, string expected)
    {
        var takers = FunctionCatalog.Http.Where(function => function.Methods.Contains(method) && Matches(function.Route, path))
            .Select(function => function.Name)
            .Where(name => name != FunctionNames.Dashboard) // the catch-all, which every host tries last
            .ToList();

        Assert.Equal([expected], takers);
    }

    [Fact]
    public void The_specificity_order_of_the_Functions_host_puts_the_literal_before_the_id()
    {
        var ordered = FunctionCatalog.Http.OrderBy(function => function.Route, Comparer<string>.Create(BySpecificity)).Select(function => function.Route).ToList();

        Assert.True(ordered.IndexOf(QueryRoutes.MetricPoints) < ordered.IndexOf(QueryRoutes.Metric));
    }

    [Fact]
    public void The_name_order_of_older_Functions_hosts_also_tries_the_push_before_the_saved_metric() =>
        Assert.True(string.Compare(FunctionNames.AddMetricPoints, FunctionNames.Metric, StringComparison.OrdinalIgnoreCase) < 0);

    private static bool Matches(string route, string path) =>
        new TemplateMatcher(TemplateParser.Parse(route), new RouteValueDictionary()).TryMatch("/" + path, new RouteValueDictionary());

    /// <summary>The Functions host's rule (WebJobsRouteBuilder): segment by segment, a literal before a parameter, then literals in order; longer first.</summary>
    private static int BySpecificity(string left, string right)
    {
        var x = TemplateParser.Parse(left).Segments;
        var y = TemplateParser.Parse(right).Segments;
        for (var i = 0; i < x.Count; i++)
        {
            if (i >= y.Count)
            {
                return -1;
            }

            var (a, b) = (x[i].Parts[0], y[i].Parts[0]);
            if (a.IsParameter != b.IsParameter)
            {
                return a.IsParameter ? 1 : -1;
            }

            var text = a.IsParameter ? 0 : string.Compare(a.Text, b.Text, StringComparison.OrdinalIgnoreCase);
            if (text != 0)
            {
                return text;
            }
        }

        return y.Count > x.Count ? 1 : 0;
    }
}
