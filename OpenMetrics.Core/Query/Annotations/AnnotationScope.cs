namespace OpenMetrics.Core.Query.Annotations;

/// <summary>Where an annotation shows: on every chart of the project, or on one dashboard's charts.</summary>
public static class AnnotationScope
{
    public const string Project = "project";

    public const string DashboardPrefix = "dashboard:";

    /// <summary>A dashboard's id, as saved dashboards take them: 1 to 64 letters, digits, <c>-</c> or <c>_</c>.</summary>
    public const int MaxDashboardIdLength = 64;

    public static bool IsValid(string scope) =>
        scope == Project
        || (scope.StartsWith(DashboardPrefix, StringComparison.Ordinal) && IsDashboardId(scope[DashboardPrefix.Length..]));

    /// <summary>
    /// Whether an annotation of <paramref name="scope"/> shows in a view that asked for <paramref name="wanted"/>:
    /// every one when nothing was asked, a dashboard's view sees the project's and its own.
    /// </summary>
    public static bool Shows(string scope, string? wanted) => wanted is null || scope == Project || scope == wanted;

    private static bool IsDashboardId(string id) =>
        id.Length is > 0 and <= MaxDashboardIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
