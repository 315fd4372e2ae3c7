using System.Security.Cryptography;
using System.Text.Json;

namespace OpenMetrics.Storage.Queues;

/// <summary>
/// Why an ingest message was given up on, recorded at its last try. The poison queue holds the body alone (the
/// runtime copies it there as it is, under a new message id), so the body's hash is what ties the two together.
/// </summary>
/// <param name="MessageId">The ingest message's own id (<c>{callId}.{part}</c>), when the body is readable enough to have one.</param>
/// <param name="QueueMessageId">The storage queue's id of the message that failed.</param>
/// <param name="Exception">The exception's type name.</param>
/// <param name="Error">The first line of the exception's message.</param>
/// <param name="BodySha256">The SHA-256 of the message body, lowercase hex.</param>
public sealed record IngestFailure(
    string? MessageId,
    string QueueMessageId,
    string Exception,
    string Error,
    DateTimeOffset FailedAt,
    long DequeueCount,
    string BodySha256)
{
    private const int MaxErrorLength = 1024;

    public static IngestFailure Of(Exception exception, BinaryData body, string queueMessageId, long dequeueCount, DateTimeOffset failedAt) => new(
        MessageIdOf(body),
        queueMessageId,
        exception.GetType().Name,
        FirstLine(exception.Message),
        failedAt,
        dequeueCount,
        HashOf(body));

    public static string HashOf(BinaryData body) => Convert.ToHexStringLower(SHA256.HashData(body.ToMemory().Span));

    private static string FirstLine(string text)
    {
        var line = text.AsSpan();
        var end = line.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            line = line[..end];
        }

        line = line.Trim();
        return (line.Length <= MaxErrorLength ? line : line[..MaxErrorLength]).ToString();
    }

    /// <summary>Reads only the top-level <c>id</c>, so that a body too broken to process can still be named when it has one.</summary>
    private static string? MessageIdOf(BinaryData body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.ToMemory());
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
