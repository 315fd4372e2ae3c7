using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenMetrics.Apps.Query.Sources;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Sources;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// Metric sources, for the aggregate app (the timer) and the query app (the API, whose test and run pull too):
/// the table, the clients and the runner, with TryAdd so that the local host registers them once and a test may put
/// its own <see cref="TokenCredential"/> or Azure transport first.
/// </summary>
public static class SourceServices
{
    public static IServiceCollection AddOpenMetricsSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenMetricsStores(configuration);
        services.TryAddSingleton(_ =>
        {
            var connections = new SourceConnections();
            configuration.GetSection(SourceConnections.Section).Bind(connections);
            return connections;
        });
        services.TryAddSingleton(_ => Credential(configuration));
        services.TryAddSingleton(provider => new SourcePipelines(
            provider.GetRequiredService<SourceConnections>(), provider.GetRequiredService<TokenCredential>(), provider.GetService<HttpPipelineTransport>()));
        services.TryAddSingleton<ISourcePuller>(provider => new SourcePullers(provider.GetRequiredService<SourcePipelines>(), configuration));
        services.TryAddSingleton<ISourceStore>(provider => new SourceStore(provider.Table(StorageNames.SourcesTable)));
        services.TryAddSingleton<SourceRunner>();
        services.TryAddSingleton<SourcesHandler>();
        services.TryAddSingleton<SourceHandler>();
        services.TryAddSingleton<TestSourceHandler>();
        services.TryAddSingleton<RunSourceHandler>();
        return services;
    }

    /// <summary>The app's own identity, as the storage connection names it (<c>OpenMetricsStorage__clientId</c>); locally DefaultAzureCredential (az login).</summary>
    private static TokenCredential Credential(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageNames.Connection);
        if (string.Equals(storage["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            var clientId = storage["clientId"];
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential();
    }
}
