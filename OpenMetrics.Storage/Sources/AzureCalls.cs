using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>One call through a source pipeline: the answer's body when it is a success, else a <see cref="SourcePullException"/> in plain words.</summary>
internal static class AzureCalls
{
    public static async Task<BinaryData> SendAsync(
        HttpPipeline pipeline, RequestMethod method, Uri uri, BinaryData? body, string service, string role, int maxRetries, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(body);
        }

        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or IOException or HttpRequestException or TaskCanceledException
                                          && !cancellationToken.IsCancellationRequested)
        {
            throw SourceErrors.FromException(service, exception);
        }

        var response = message.Response;
        return response.IsError
            ? throw SourceErrors.FromResponse(service, response, role, maxRetries + 1)
            : response.Content;
    }
}
