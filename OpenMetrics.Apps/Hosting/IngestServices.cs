using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenMetrics.Apps.BrowserClient;
using OpenMetrics.Apps.Ingest;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;

namespace OpenMetrics.Apps.Hosting;

/// <summary>What the ingest app needs, registered once for the Functions app and the local host alike.</summary>
public static class IngestServices
{
    public static IServiceCollection AddOpenMetricsIngest(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new IngestLimits();
        configuration.GetSection(IngestLimits.Section).Bind(limits);
        services.AddSingleton(limits);
        var writeKeys = new WriteKeyOptions();
        configuration.GetSection(IngestLimits.Section).Bind(writeKeys);
        services.AddSingleton(writeKeys);
        services.AddSingleton<WriteKeyCheck>();
        var rateLimits = new IngestRateLimits();
        configuration.GetSection(IngestRateLimits.Section).Bind(rateLimits);
        services.AddSingleton(rateLimits);
        services.AddSingleton<IngestRateLimiter>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.AddSingleton(provider => IngestQueue.Create(provider.GetRequiredService<StorageAccount>()));
        services.AddSingleton(provider => RejectionLog.Create(provider.GetRequiredService<StorageAccount>()));
        services.AddSingleton<CallValidator>();
        services.AddSingleton<IngestService>();
        services.AddSingleton(ClientScript.Embedded);
        return services;
    }
}
