namespace OpenMetrics.Core.Functions;

/// <summary>
/// Operator routes of the aggregate app, behind a function key in Azure. Not under <c>admin/</c>: the Functions
/// host reserves every route that starts with <c>admin</c> for its own API and refuses to start such a function.
/// </summary>
public static class OpsRoutes
{
    /// <summary>GET: the poison messages of the ingest queue with the reasons they failed.</summary>
    public const string Poison = "ops/poison";

    /// <summary>POST: moves every poison message back to the ingest queue.</summary>
    public const string ReplayPoison = "ops/poison/replay";

    /// <summary>DELETE, with <c>?sha256=</c> the body's hash as listed: discards one poison message and its claim-check blob.</summary>
    public const string DiscardPoison = "ops/poison/{id}";

    /// <summary>POST: evaluates every due alert now, as the <c>EvaluateAlerts</c> timer does, and answers what each did.</summary>
    public const string EvaluateAlerts = "ops/alerts/evaluate";
}
