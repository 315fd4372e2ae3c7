using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Core.Alerts;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Infrastructure.Alerts;

/// <summary>
/// A local host whose clock stands still until a test moves it, with a <see cref="WebhookReceiver"/> on loopback
/// (which the local host lets webhooks reach, as it lets HTTP sources). Deliveries retry without waiting (a zero first
/// delay: Polly skips the wait), so a test sees every try at once; the backoff itself is tested on the sender alone.
/// The app setting <see cref="SecretSetting"/> holds <see cref="Secret"/>. Timers and the queue poller are off: a test
/// runs the alert timer's work itself.
/// </summary>
public sealed class AlertsHostFixture : LocalHostFixture, IAsyncLifetime
{
    public const string SecretSetting = "ALERT_TEST_SECRET";
    public const string Secret = "known-secret";

    /// <summary>A Friday, 00:00 UTC; tests move on from here a day at a time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public WebhookReceiver Receiver { get; } = new();

    protected override string[] Arguments =>
    [
        "--OpenMetrics:Alerts:RetryDelay=00:00:00",
        $"--{SecretSetting}={Secret}",
    ];

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = false;
        options.RunTimers = false;
        options.Clock = Clock;
    }

    /// <summary>Moves the clock to the next UTC midnight: a day no earlier test has used, whose hours a test sets by hand.</summary>
    public DateTimeOffset NextDay()
    {
        var now = Clock.GetUtcNow();
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Clock.SetUtcNow(day);
        return day;
    }

    /// <summary>The aggregate app's timer work, as <c>EvaluateAlerts</c> does it every 5 minutes.</summary>
    public Task<AlertRunSummary> EvaluateAlertsAsync() => Services.GetRequiredService<AlertEvaluator>().EvaluateDueAsync(CancellationToken.None);

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
