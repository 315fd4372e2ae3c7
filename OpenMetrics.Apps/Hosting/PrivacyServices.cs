using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenMetrics.Core.Privacy;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Storage.Privacy;

namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// Deleting and exporting users, and data retention: the query app answers the routes, the aggregate app honours the
/// deletion marks and runs the retention timer. Registered with TryAdd from both apps' registrations.
/// </summary>
public static class PrivacyServices
{
    public static IServiceCollection AddOpenMetricsPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        var retention = new RetentionSettings();
        configuration.GetSection(RetentionSettings.Section).Bind(retention);
        services.TryAddSingleton(retention);
        services.TryAddSingleton(provider => new DeletionMarks(provider.Table(StorageNames.IdentityTable)));
        services.TryAddSingleton<UserSessions>();
        services.TryAddSingleton<UserFootprint>();
        services.TryAddSingleton<UserDeletion>();
        services.TryAddSingleton<UserExport>();
        services.TryAddSingleton<RawEventExpiry>();
        services.TryAddSingleton<DataRetention>();
        return services;
    }
}
