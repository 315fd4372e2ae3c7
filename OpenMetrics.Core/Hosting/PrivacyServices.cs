using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Hosting;

/// <summary>
/// Deleting and exporting users: the query app answers the routes, the aggregate app honours the deletion marks and
/// finishes deletions left half-way. Registered with TryAdd from both apps' registrations.
/// </summary>
public static class PrivacyServices
{
    public static IServiceCollection AddOpenMetricsPrivacy(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new DeletionMarks(Table(provider, StorageNames.IdentityTable)));
        services.TryAddSingleton<UserFootprint>();
        services.TryAddSingleton<UserDeletion>();
        services.TryAddSingleton<UserExport>();
        return services;
    }

    private static TableClient Table(IServiceProvider provider, string name) => provider.GetRequiredService<AggregationTables>().Get(name);
}
