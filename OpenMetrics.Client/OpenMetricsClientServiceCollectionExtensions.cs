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
            return new OpenMetricsClient(
                provider.GetRequiredService<IOptions<OpenMetricsClientOptions>>().Value,
                ClientsFrom(provider.GetRequiredService<IHttpClientFactory>()),
                provider.GetService<ILogger<OpenMetricsClient>>(),
                provider.GetService<TimeProvider>());
        });
        services.TryAddSingleton<IOpenMetricsClient>(provider => provider.GetRequiredService<OpenMetricsClient>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FlushOnShutdown>());
        return services;
    }

    /// <summary>
    /// A fresh client from the factory for each request, as IHttpClientFactory intends. But once the container is being
    /// disposed the factory cannot build a handler, and the client's last flush (its own dispose) still has to send: it
    /// then reuses the last client it got (one is made at once, so there always is one), whose handler outlives the container.
    /// </summary>
    private static Func<HttpClient> ClientsFrom(IHttpClientFactory factory)
    {
        var last = factory.CreateClient(HttpClientName);
        return () =>
        {
            try
            {
                return last = factory.CreateClient(HttpClientName);
            }
            catch (ObjectDisposedException)
            {
                return last;
            }
        };
    }
}
