using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenMetrics.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenMetrics client in an ASP.NET Core app or a worker service.</summary>
public static class OpenMetricsClientServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client sends with, for <c>services.AddHttpClient(HttpClientName)</c> to configure.</summary>
    public const string HttpClientName = "OpenMetrics";

    /// <summary>
    /// Adds one shared <see cref="OpenMetricsClient"/> (also as <see cref="IOpenMetricsClient"/>) that sends through
    /// IHttpClientFactory, logs through ILogger, and sends what is queued when the host stops and when it is disposed.
    /// </summary>
    /// <example><code>builder.Services.AddOpenMetricsClient(o => o.ServerUrl = new Uri("https://func-ingest-abc.azurewebsites.net"));</code></example>
    public static IServiceCollection AddOpenMetricsClient(this IServiceCollection services, Action<OpenMetricsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OpenMetricsClientOptions>()
            .Configure(configure)
            .Validate(options => options.ServerUrl is { IsAbsoluteUri: true }, "OpenMetricsClientOptions.ServerUrl must be the ingest app's absolute address.")
            .ValidateOnStart();
        services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new OpenMetricsClient(
                provider.GetRequiredService<IOptions<OpenMetricsClientOptions>>().Value,
                () => factory.CreateClient(HttpClientName),
                provider.GetService<ILogger<OpenMetricsClient>>(),
                provider.GetService<TimeProvider>());
        });
        services.TryAddSingleton<IOpenMetricsClient>(provider => provider.GetRequiredService<OpenMetricsClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FlushOnShutdown>());
        return services;
    }
}
