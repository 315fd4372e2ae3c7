using System.Collections.Concurrent;

namespace OpenMetrics.Tests.Client;

/// <summary>
/// Sits between the client and the real local host: records every request's answer as the client gets it, and can
/// lose the first answers after the server has handled the request (stored it), as a dropped connection does.
/// </summary>
internal sealed class ObservedHandler(int answersToLose = 0) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _toLose = answersToLose;

    /// <summary>Requests that reached the server: when, which route, and the status the server answered.</summary>
    public ConcurrentQueue<(DateTime At, string Route, int Status)> Answers { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Answers.Enqueue((DateTime.UtcNow, request.RequestUri!.AbsolutePath, (int)response.StatusCode));
        if (Interlocked.Decrement(ref _toLose) >= 0)
        {
            response.Dispose();
            throw new HttpRequestException("The connection was reset after the request was sent (lost in a test).");
        }

        return response;
    }
}
