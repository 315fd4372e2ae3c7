using OpenMetrics.Core.Alerts;
using OpenMetrics.Storage.Alerts;
using OpenMetrics.Storage.Sources;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Core.Alerts;

/// <summary>
/// The sender alone, against the local receiver: the backoff between tries (recorded by a clock that ends every wait
/// at once, so nothing sleeps), a final 4xx, the address rule, and the signature of a fixed body.
/// </summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private readonly WebhookReceiver _receiver = new();
    private readonly RecordedDelays _clock = new();

    [Fact]
    public async Task Retries_wait_2_then_4_then_8_seconds()
    {
        using var sender = Sender(allowLoopback: true);
        _receiver.Script("/backoff", 500, 502, 429, 200);

        var outcome = await sender.SendAsync(Destination("/backoff"), new WebhookMessage("{}", new Dictionary<string, string>()), CancellationToken.None);

        // RetryDelay 2 s doubling: 2, 4, 8 s before tries 2, 3 and 4 (the 429 asked for no particular wait).
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], _clock.Delays);
        Assert.Equal(new DeliveryOutcome(_receiver.BaseUrl, "json", true, 200, 4, null), outcome);
    }

    [Fact]
    public async Task A_404_is_final()
    {
        using var sender = Sender(allowLoopback: true);
        _receiver.Script("/gone", 404);

        var outcome = await sender.SendAsync(Destination("/gone"), new WebhookMessage("{}", new Dictionary<string, string>()), CancellationToken.None);

        Assert.Single(_receiver.To("/gone"));
        Assert.Empty(_clock.Delays);
        Assert.False(outcome.Ok);
        Assert.Equal(404, outcome.Status);
    }

    [Fact]
    public async Task Loopback_is_refused_where_the_rule_does_not_allow_it_and_never_retried()
    {
        using var sender = Sender(allowLoopback: false);

        var outcome = await sender.SendAsync(Destination("/refused"), new WebhookMessage("{}", new Dictionary<string, string>()), CancellationToken.None);

        Assert.Empty(_receiver.To("/refused"));
        Assert.Empty(_clock.Delays);
        Assert.False(outcome.Ok);
        Assert.Equal(1, outcome.Attempts);
        Assert.Contains("a loopback address, which only the local host may fetch", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_of_a_fixed_body_is_the_HMAC_SHA256_computed_elsewhere() =>
        // Python: hmac.new(b'known-secret', b'{"alert":"x"}', hashlib.sha256).hexdigest()
        Assert.Equal("sha256=e6a56c70cbe5184aa744389cb14c10c86f4808e6643a04801d113c48a228c249", AlertPayloads.Signature("""{"alert":"x"}""", "known-secret"));

    private WebhookSender Sender(bool allowLoopback) =>
        new(new SourceConnections { AllowLoopback = allowLoopback }, new AlertDeliveryOptions(), _clock);

    private AlertDestination Destination(string path) => new(new Uri(_receiver.BaseUrl + path), WebhookFormat.Json);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    /// <summary>A clock whose timers record their due time and fire at once: Polly's waits are seen, never slept.</summary>
    private sealed class RecordedDelays : TimeProvider
    {
        private readonly List<TimeSpan> _delays = [];

        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_delays)
                {
                    return [.. _delays];
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return new Immediate();
            }

            lock (_delays)
            {
                _delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new Immediate();
        }

        private sealed class Immediate : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
