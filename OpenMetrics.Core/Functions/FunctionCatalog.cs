using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Functions;

/// <summary>
/// The one list of every function of the three apps. The Functions attributes use the same route, queue and
/// schedule constants; the local host reads this list to serve and poll exactly what Azure would, and a test
/// holds the Worker SDK's generated functions.metadata to it.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>GET and POST carry a payload; OPTIONS answers the CORS preflight of browsers.</summary>
    public static readonly IReadOnlyList<string> V1Methods = ["GET", "POST", "OPTIONS"];

    public static readonly IReadOnlyList<HttpFunction> Http =
    [
        new("Ping", FunctionApp.Ingest, V1Routes.Ping, V1Methods),
        new("CreateUser", FunctionApp.Ingest, V1Routes.CreateUser, V1Methods),
        new("Events", FunctionApp.Ingest, V1Routes.Events, V1Methods),
        new("SetUserId", FunctionApp.Ingest, V1Routes.SetUserId, V1Methods),
        new("SetUserProps", FunctionApp.Ingest, V1Routes.SetUserProps, V1Methods),
        new("SetSessionProps", FunctionApp.Ingest, V1Routes.SetSessionProps, V1Methods),
        new("Dashboard", FunctionApp.Query, QueryRoutes.Dashboard, ["GET"]),
    ];

    /// <summary>The v1 call an ingest function answers, by its function name.</summary>
    public static V1Call V1CallOf(HttpFunction function) => Enum.Parse<V1Call>(function.Name);
}
