using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OpenMetrics.LoadTest;

/// <summary>Counts storage requests (every one is a billed transaction in Azure Storage), and tallies them by kind.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyDictionary<string, long> ByKind => _byKind;

    public void Reset()
    {
        _byKind.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _count);
        _byKind.AddOrUpdate(Kind(message.Request), 1, (_, count) => count + 1);
    }

    /// <summary>"POST Events()", "GET ingest/messages", "POST $batch" …: the method and the resource, without keys.</summary>
    private static string Kind(Request request)
    {
        var path = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "";
        var resource = path.Split('(')[0];
        var isQueueMessages = request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal) || request.Uri.Path.Contains("/messages/", StringComparison.Ordinal);
        return $"{request.Method} {resource}{(isQueueMessages ? "/messages" : "")}{(request.Uri.Query.Contains("$filter", StringComparison.Ordinal) ? " (query)" : "")}";
    }
}
