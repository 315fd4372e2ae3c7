using System.Text.Json;
using Azure;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// Failed calls turned into a source's last error in plain words: who answered what, the service's own message
/// (Azure's <c>{"error": {"code", "message", "innererror"}}</c> followed down), and what to do about it.
/// </summary>
internal static class SourceErrors
{
    public static SourcePullException FromResponse(string service, Response response, string role, int tries)
    {
        var detail = Detail(response.Content.ToString());
        var said = detail.Length > 0 ? $": {detail}" : ".";
        return new SourcePullException(response.Status switch
        {
            401 => $"{service} refused the app's credentials (401 Unauthorized){said} In Azure, check the app's managed identity; locally, sign in with az login.",
            403 => $"{service} answered 403 Forbidden: the app's identity may not read this; give it {role} (docs/deploy.md){said}",
            404 => $"{service} found no such resource (404 Not Found){said}",
            429 => $"{service} is throttling (429 Too Many Requests{Wait(response)}); the next run tries again{said}",
            400 when service == LogAnalyticsPuller.Service => $"The KQL query was refused (400 Bad Request){said}",
            >= 500 => $"{service} failed ({response.Status} {response.ReasonPhrase}) through {tries} tries; the next run tries again{said}",
            _ => $"{service} answered {response.Status} {response.ReasonPhrase}{said}",
        });
    }

    private static string Wait(Response response) =>
        RetryAfter.Of(response) is { } wait ? $", asked to wait {wait.TotalSeconds:0.###} s" : "";

    /// <summary>A call that got no answer at all: a refused address, a name that does not resolve, a timeout.</summary>
    public static SourcePullException FromException(string service, Exception exception) =>
        Find<OutboundAddressRefusedException>(exception) is { } refused
            ? new SourcePullException($"Refused to fetch: {refused.Message}", exception)
            : new SourcePullException($"{service} could not be reached: {Innermost(exception).Message}", exception);

    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        while (exception is not null)
        {
            if (exception is T found)
            {
                return found;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            }

            exception = exception.InnerException;
        }

        return null;
    }

    /// <summary>The messages of an Azure error body, outermost first, without repeats; or the start of a body that is not one.</summary>
    public static string Detail(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var messages = new List<string>();
            var code = "";
            var error = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var e) ? e : document.RootElement;
            while (error.ValueKind == JsonValueKind.Object)
            {
                if (code.Length == 0 && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
                {
                    code = c.GetString()!;
                }

                if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String && m.GetString() is { Length: > 0 } message && !messages.Contains(message))
                {
                    messages.Add(message.TrimEnd('.'));
                }

                error = error.TryGetProperty("innererror", out var inner) ? inner : default;
            }

            return messages.Count == 0 ? Start(body) : (code.Length > 0 ? $"{code}: " : "") + string.Join(": ", messages) + ".";
        }
        catch (JsonException)
        {
            return Start(body);
        }
    }

    private static string Start(string body) => body.Length <= 300 ? body.Trim() : body[..300].Trim() + "…";

    private static Exception Innermost(Exception exception)
    {
        while (true)
        {
            var next = exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0 ? aggregate.InnerExceptions[^1] : exception.InnerException;
            if (next is null)
            {
                return exception;
            }

            exception = next;
        }
    }
}
