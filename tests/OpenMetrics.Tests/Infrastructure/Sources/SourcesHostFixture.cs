using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure.Sources;

/// <summary>
/// A local host whose source clients talk to a <see cref="SourceResponder"/> (Azure Monitor and Log Analytics at its
/// HTTPS address, with a fake credential) and whose clock stands still at <see cref="Now"/> until a test moves it.
/// The premade service-health source is on (its workspace setting is set). Timers and the queue poller are off: a
/// test runs the sources' timer work itself.
/// </summary>
public sealed class SourcesHostFixture : LocalHostFixture, IAsyncLifetime
{
    public const string Workspace = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public SourceResponder Responder { get; } = new();

    public FakeTokenCredential Credential { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override string[] Arguments =>
    [
        $"--OpenMetrics:Sources:AzureMonitorUrl={Responder.Https}",
        $"--OpenMetrics:Sources:LogAnalyticsUrl={Responder.Https}",
        "--OpenMetrics:Sources:RetryDelay=00:00:00.001",
        "--OpenMetrics:Sources:MaxRetryDelay=00:00:05",
        $"--{PremadeSources.WorkspaceSetting}={Workspace}",
    ];

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = false;
        options.RunTimers = false;
        options.Clock = Clock;
        options.ConfigureServices = services =>
        {
            services.AddSingleton<TokenCredential>(Credential);
            services.AddSingleton<HttpPipelineTransport>(Responder.Transport);
        };
    }

    /// <summary>The aggregate app's timer work, as <c>RunDueSources</c> does it each minute.</summary>
    public Task RunDueSourcesAsync() => Services.GetRequiredService<SourceRunner>().RunDueAsync(CancellationToken.None);

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Responder.DisposeAsync();
    }
}
