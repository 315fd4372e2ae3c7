using Microsoft.Extensions.Configuration;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Storage.Sources;
using OpenMetrics.Tests.Infrastructure.Sources;

namespace OpenMetrics.Tests.Core.Metrics.Sources;

/// <summary>
/// The real source clients pointed at a <see cref="SourceResponder"/>, with a fake credential and retry delays of a
/// millisecond, so that a retry test does not wait.
/// </summary>
public sealed class PullerContext : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public SourceResponder Responder { get; } = new();

    public FakeTokenCredential Credential { get; } = new();

    public Dictionary<string, string?> Settings { get; } = [];

    public SourcePullers Pullers(bool allowLoopback = true) => new(
        new SourcePipelines(
            new SourceConnections
            {
                AzureMonitorUrl = Responder.Https, LogAnalyticsUrl = Responder.Https, AllowLoopback = allowLoopback,
                MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5),
            },
            Credential,
            Responder.Transport),
        new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());

    public Task<IReadOnlyList<OpenMetrics.Core.Metrics.MetricPoint>> PullAsync(MetricSource source, bool allowLoopback = true) =>
        Pullers(allowLoopback).PullAsync(source, Now.AddHours(-3), Now, CancellationToken.None);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Responder.DisposeAsync();
}
