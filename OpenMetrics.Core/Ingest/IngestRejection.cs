namespace OpenMetrics.Core.Ingest;

/// <summary>
/// Why a call (or one event of it) was refused: a one-line reason, the field at fault and the HTTP status; and, for a
/// refusal the client should try again (429, 503), how many seconds to wait.
/// </summary>
public sealed record IngestRejection(int Status, string Error, string? Field, int? RetryAfterSeconds = null)
{
    public static IngestRejection BadRequest(string error, string? field) => new(400, error, field);

    public static IngestRejection TooLarge(string error) => new(413, error, null);

    public static IngestRejection UnsupportedMediaType(string error) => new(415, error, null);

    public static IngestRejection Unauthorized(string error, string field) => new(401, error, field);

    public static IngestRejection TooManyRequests(string error, int retryAfterSeconds) => new(429, error, null, retryAfterSeconds);

    public static IngestRejection Unavailable(string error, int retryAfterSeconds) => new(503, error, null, retryAfterSeconds);
}
