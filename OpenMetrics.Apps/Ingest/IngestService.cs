using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// Answers a v1 logging call. Every step a call goes through is listed, in order, in <see cref="HandleAsync"/>:
/// preflight, the per-address rate limit, read the payload, the write key, validate, the per-session rate limit, build
/// queue messages, enqueue (durably, or 503), record refused events, answer. The function classes and the local host
/// both call this and nothing else.
/// </summary>
public sealed class IngestService(
    CallValidator validator,
    WriteKeyCheck writeKeys,
    IngestRateLimiter rateLimiter,
    IngestLimits limits,
    IngestQueue queue,
    RejectionLog rejections,
    TimeProvider clock,
    ILogger<IngestService> logger)
{
    /// <summary>How long a client should wait before retrying when storage could not take a call.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task<HttpAnswer> HandleAsync(V1Call kind, HttpRequest request, CancellationToken cancellationToken)
    {
        var answers = new IngestAnswers(WantsJson(request));
        if (HttpMethods.IsOptions(request.Method))
        {
            return Cors.Preflight(request.Headers.AccessControlRequestHeaders);
        }

        if (kind == V1Call.Ping)
        {
            return HttpAnswer.Text(200, "pong").AllowAnyOrigin();
        }

        if (rateLimiter.ForAddress(ClientAddress.Of(request)) is { } tooManyFromAddress)
        {
            return Refused(kind, answers, tooManyFromAddress);
        }

        var read = await RequestPayload.ReadAsync(request, limits, cancellationToken);
        if (read.Rejection is { } unreadable)
        {
            return Refused(kind, answers, unreadable);
        }

        if (writeKeys.Check(request, read.Payload!.Value) is { } keyRefused)
        {
            return Refused(kind, answers, keyRefused);
        }

        var receivedAt = clock.GetUtcNow();
        var validation = validator.Validate(kind, read.Payload!.Value, NewCallId(), receivedAt);
        if (validation.Call is not { } call)
        {
            return Refused(kind, answers, validation.Rejection!, validation.Rejected);
        }

        if (rateLimiter.ForSession(call.SessionId) is { } tooManyForSession)
        {
            return Refused(kind, answers, tooManyForSession);
        }

        var messages = IngestMessageBuilder.Build(call);
        try
        {
            await queue.EnqueueAsync(messages, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            IngestLog.StorageUnavailable(logger, exception, kind, call.CallId);
            return answers.Unavailable(RetryAfterSeconds);
        }

        await RecordRejectedEventsAsync(call, cancellationToken);
        return answers.Accepted(call);
    }

    /// <summary>A time-ordered id (UUIDv7), so that ids sort roughly by arrival.</summary>
    private static string NewCallId() => Guid.CreateVersion7().ToString("N");

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(value => value?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private HttpAnswer Refused(V1Call kind, IngestAnswers answers, IngestRejection rejection, IReadOnlyList<EventRejection>? rejectedEvents = null)
    {
        IngestLog.CallRefused(logger, kind, rejection.Status, rejection.Error);
        return answers.Refused(rejection, rejectedEvents);
    }

    /// <summary>
    /// The batch is already stored, so a failure here must not turn into an error the client would retry (and so
    /// duplicate the good events); it is logged instead, as every rejection is.
    /// </summary>
    private async Task RecordRejectedEventsAsync(ValidatedCall call, CancellationToken cancellationToken)
    {
        foreach (var rejected in call.Rejected)
        {
            IngestLog.EventRefused(logger, rejected.Index, call.CallId, rejected.Error);
        }

        try
        {
            await rejections.RecordAsync(call, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            IngestLog.RejectionsNotRecorded(logger, exception, call.Rejected.Count, call.CallId);
        }
    }
}
