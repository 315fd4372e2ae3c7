using System.Net;
using System.Text;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Storage.Sources;
using Polly;
using Polly.Retry;

namespace OpenMetrics.Storage.Alerts;

/// <summary>
/// Posts alert payloads to webhooks through the HTTP sources' <see cref="GuardedConnections"/> (every resolved address
/// checked by the <see cref="OutboundAddressRule"/>; no proxy, no redirects). A 408, 429 or 5xx answer, a timeout or a
/// connection failure is retried with exponential backoff (Polly, on the app's <see cref="TimeProvider"/>, so tests move
/// time instead of waiting); a refused address or another 4xx is final. Failures come back as a <see cref="DeliveryOutcome"/>, never thrown.
/// </summary>
public sealed class WebhookSender : IWebhookSender, IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public WebhookSender(SourceConnections connections, AlertDeliveryOptions options, TimeProvider clock)
    {
        var rule = new OutboundAddressRule(connections.AllowPrivateNetworks, connections.AllowLoopback);
        _http = new HttpClient(GuardedConnections.Handler(rule)) { Timeout = options.Timeout };
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsRetriable(args.Outcome, args.Context.CancellationToken)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Headers.RetryAfter?.Delta is { } asked && asked <= options.MaxRetryDelay ? asked : (TimeSpan?)null),
            })
            .Build();
    }

    public async Task<DeliveryOutcome> SendAsync(AlertDestination destination, WebhookMessage message, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var where = AlertEvaluator.Destination(destination.Webhook);
        var format = destination.Format.ToString().ToLowerInvariant();
        try
        {
            using var response = await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var request = new HttpRequestMessage(HttpMethod.Post, destination.Webhook)
                    {
                        Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
                    };
                    foreach (var (name, value) in message.Headers)
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }

                    return await _http.SendAsync(request, token);
                },
                cancellationToken);
            var status = (int)response.StatusCode;
            var ok = response.IsSuccessStatusCode;
            var error = ok ? null : $"{where} answered {status} {response.ReasonPhrase}{(attempts > 1 ? $" after {attempts} tries" : "")}.";
            return new DeliveryOutcome(where, format, ok, status, attempts, error);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var refused = Find<OutboundAddressRefusedException>(exception);
            var error = refused is not null ? $"Not sent: {refused.Message}"
                : exception is TaskCanceledException ? $"{where} did not answer within the timeout, {attempts} tries."
                : $"{where} could not be reached, {attempts} tries: {exception.Message}";
            return new DeliveryOutcome(where, format, false, null, attempts, error);
        }
    }

    public void Dispose() => _http.Dispose();

    private static bool IsRetriable(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Result is { } response)
        {
            return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
        }

        return outcome.Exception switch
        {
            null => false,
            _ when cancellationToken.IsCancellationRequested => false,
            var exception when Find<OutboundAddressRefusedException>(exception) is not null => false,
            HttpRequestException or TaskCanceledException or IOException => true,
            _ => false,
        };
    }

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }
}
