using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OpenMetrics.Client;

/// <summary>What became of a request: the calls still to send (none when the server stored or refused them) and how long the server asked to wait.</summary>
internal sealed record CallOutcome(IReadOnlyList<PendingCall> Unsent, TimeSpan? RetryAfter, string? Reason)
{
    public static readonly CallOutcome Done = new([], null, null);
}

/// <summary>
/// Sends one request and reads the answer as docs/api-v1.md defines it: 2xx stored, 408, 429 and 5xx (and no answer at all)
/// worth another try, 413 halved, any other 4xx refused for good (the same call would be refused again).
/// </summary>
internal sealed class CallSender(Uri server, string? writeKey, Func<HttpClient> http, TimeProvider time, ILogger logger, TimeSpan requestTimeout)
{
    /// <summary>The header the ingest reads a write key from (the server's WriteKeyCheck).</summary>
    public const string WriteKeyHeader = "x-openmetrics-write-key";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<CallOutcome> SendAsync(PlannedCall call, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, call.Route))
        {
            Content = new ByteArrayContent(call.Body(time.GetUtcNow())),
        };
        request.Content.Headers.ContentType = Json;
        // A JSON answer names the events of a batch that the server refused.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(writeKey))
        {
            request.Headers.Add(WriteKeyHeader, writeKey);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(requestTimeout);
        try
        {
            using var response = await http().SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                LogRefusedEvents(call, text);
                return CallOutcome.Done;
            }

            if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge && call.Items.Count > 1)
            {
                var (first, second) = call.Split();
                var outcome = await SendAsync(first, stopping);
                return outcome.Unsent.Count > 0 ? outcome with { Unsent = [.. outcome.Unsent, .. second.Items] } : await SendAsync(second, stopping);
            }

            if (status is 408 or 429 or >= 500)
            {
                return new CallOutcome(call.Items, RetryDelay.From(response.Headers.RetryAfter, time.GetUtcNow()), $"{status}");
            }

            ClientLog.CallRefused(logger, call.Route, call.SessionId, status, text);
            return CallOutcome.Done;
        }
        catch (HttpRequestException exception)
        {
            return new CallOutcome(call.Items, null, exception.Message);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new CallOutcome(call.Items, null, $"no answer within {requestTimeout}");
        }
        catch (OperationCanceledException)
        {
            return new CallOutcome(call.Items, null, "the client is stopping");
        }
    }

    /// <summary>The server keeps a batch's good events and names the others; they are logged, since no retry would help them.</summary>
    private void LogRefusedEvents(PlannedCall call, string answer)
    {
        if (call.Route != PendingCall.Events || !answer.StartsWith('{'))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.TryGetProperty("rejected", out var rejected) && rejected.ValueKind == JsonValueKind.Array)
            {
                foreach (var refused in rejected.EnumerateArray())
                {
                    ClientLog.EventRefused(logger, refused.GetProperty("index").GetInt32(), call.SessionId, refused.GetProperty("error").GetString() ?? "");
                }
            }
        }
        catch (JsonException)
        {
            // Stored is stored: an answer this client cannot read changes nothing.
        }
    }
}
