namespace OpenMetrics.Core.Functions;

/// <summary>Routes of the query app. Its route prefix is empty so that the dashboard can live at <c>/</c>.</summary>
public static class QueryRoutes
{
    /// <summary>The dashboard's static files; a catch-all, so more specific <c>api/...</c> routes win.</summary>
    public const string Dashboard = "{*path}";
}
