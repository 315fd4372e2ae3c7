using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Apps.Ingest;

/// <summary>
/// The answers of the v1 API in the form the client asked for: plain text by default (<c>ok</c>, or a one-line
/// reason), JSON for a client that sends <c>Accept: application/json</c>. Every answer allows any origin.
/// </summary>
internal sealed class IngestAnswers(bool json)
{
    public HttpAnswer Accepted(ValidatedCall call)
    {
        if (!json)
        {
            return HttpAnswer.Text(200, "ok").AllowAnyOrigin();
        }

        var answer = new IngestAnswer(call.Events?.Count ?? 1, ToJson(call.Rejected));
        return HttpAnswer.Json(200, answer, IngestJson.Default.IngestAnswer).AllowAnyOrigin();
    }

    public HttpAnswer Refused(IngestRejection rejection, IReadOnlyList<EventRejection>? rejectedEvents)
    {
        var error = OneLine(rejection.Error);
        var answer = (json
            ? HttpAnswer.Json(rejection.Status,
                new ErrorAnswer(error, rejection.Field, rejectedEvents is null ? null : 0, rejectedEvents is null ? null : ToJson(rejectedEvents)),
                IngestJson.Default.ErrorAnswer)
            : HttpAnswer.Text(rejection.Status, error)).AllowAnyOrigin();
        return rejection.RetryAfterSeconds is { } seconds ? answer.WithRetryAfter(seconds) : answer;
    }

    public HttpAnswer Unavailable(int retryAfterSeconds)
    {
        const string error = "storage is unavailable right now; nothing was stored, retry later";
        var answer = json
            ? HttpAnswer.Json(503, new ErrorAnswer(error, null), IngestJson.Default.ErrorAnswer)
            : HttpAnswer.Text(503, error);
        return answer.AllowAnyOrigin().WithRetryAfter(retryAfterSeconds);
    }

    private static List<RejectedEvent> ToJson(IReadOnlyList<EventRejection> rejected) =>
        rejected.Select(r => new RejectedEvent(r.Index, OneLine(r.Error), r.Field)).ToList();

    /// <summary>A reason may quote client keys; it stays one readable line whatever they hold.</summary>
    private static string OneLine(string text)
    {
        var clean = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        return clean.Length <= 300 ? clean : clean[..300] + "…";
    }
}
