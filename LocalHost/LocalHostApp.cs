using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenMetrics.Apps.Dashboard;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Apps.Hosting;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query.Access;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Query.Access;

namespace OpenMetrics.LocalHost;

/// <summary>
/// The local host's web application: every HTTP function of <see cref="FunctionCatalog"/>, on its route and methods,
/// calling the handler its entry carries (the one the Functions class calls), and (unless turned off) the catalog's queue and timer functions
/// through <see cref="QueuePoller"/> and <see cref="TimerRunner"/>. Nothing here re-types a route, queue or schedule.
/// </summary>
public static class LocalHostApp
{
    public static WebApplication Build(LocalHostOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Configuration[OpenMetrics.Storage.StorageNames.Connection] = options.StorageConnectionString;
        builder.WebHost.UseUrls($"http://localhost:{options.Port}");
        var limits = new IngestLimits();
        builder.Configuration.GetSection(IngestLimits.Section).Bind(limits);
        var imports = new OpenMetrics.Core.Imports.ImportSettings();
        builder.Configuration.GetSection(OpenMetrics.Core.Imports.ImportSettings.Section).Bind(imports);
        builder.WebHost.ConfigureKestrel(kestrel => AllowLimits(kestrel.Limits, limits, imports));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddSingleton(OpenMetrics.Storage.StorageAccount.FromConnectionString(options.StorageConnectionString, options.StorageClientOptions));
        OffUnlessSet(builder.Configuration.GetSection(IngestRateLimits.Section));
        options.ConfigureServices?.Invoke(builder.Services);

        // HTTP sources may fetch loopback addresses here, so that a source can read a service on the same machine.
        builder.Configuration[$"{OpenMetrics.Storage.Sources.SourceConnections.Section}:{nameof(OpenMetrics.Storage.Sources.SourceConnections.AllowLoopback)}"] ??= "true";
        builder.Services.AddOpenMetricsIngest(builder.Configuration);
        builder.Services.AddOpenMetricsAggregation(builder.Configuration);
        builder.Configuration[QueryKey.Setting] = options.QueryKey;
        // No App Service authentication stands in front of the local host: an identity header is a client's own.
        builder.Configuration[$"{SignInOptions.Section}:{nameof(SignInOptions.PlatformSignIn)}"] = "false";
        builder.Services.AddOpenMetricsQuery(builder.Configuration);
        builder.Services.AddSingleton(new DashboardFiles(options.DashboardRoot));
        if (options.RunQueues)
        {
            builder.Services.AddHostedService<QueuePoller>();
        }

        if (options.RunTimers)
        {
            builder.Services.AddHostedService<TimerRunner>();
        }

        var app = builder.Build();
        foreach (var function in FunctionCatalog.Http)
        {
            Map(app, function);
        }

        return app;
    }

    /// <summary>The function's route and methods, answered by the handler its catalog entry carries.</summary>
    private static void Map(WebApplication app, HttpFunction function)
    {
        var pattern = "/" + function.Route;
        var parameter = RoutePatternFactory.Parse(pattern).Parameters.SingleOrDefault()?.Name;
        Func<HttpContext, Task<HttpAnswer>> answer = context => function.Handle(
            context.RequestServices,
            context.Request,
            parameter is null ? null : context.GetRouteValue(parameter) as string,
            context.RequestAborted);
        app.MapMethods(pattern, function.Methods, answer).WithName(function.Name);
    }

    /// <summary>
    /// Locally every page and load test comes from one address, so the rate limits are off unless a setting names
    /// one (<c>OpenMetrics__Ingest__RateLimits__CallsPerIp</c>, ...).
    /// </summary>
    private static void OffUnlessSet(IConfigurationSection rateLimits)
    {
        if (!rateLimits.GetChildren().Any())
        {
            rateLimits[nameof(IngestRateLimits.CallsPerIp)] = "0";
            rateLimits[nameof(IngestRateLimits.CallsPerSession)] = "0";
        }
    }

    /// <summary>Kestrel's defaults (8 KiB request line, 30 MB body) are below the v1 and import limits; the service answers 413 itself.</summary>
    private static void AllowLimits(KestrelServerLimits kestrel, IngestLimits limits, OpenMetrics.Core.Imports.ImportSettings imports)
    {
        kestrel.MaxRequestLineSize = limits.MaxQueryStringBytes + 8 * 1024;
        kestrel.MaxRequestHeadersTotalSize = limits.MaxQueryStringBytes + 32 * 1024;
        kestrel.MaxRequestBodySize = Math.Max(Math.Max(limits.MaxBodyBytes * 2L, 30L * 1024 * 1024), imports.MaxRequestBytes + 1);
    }
}
