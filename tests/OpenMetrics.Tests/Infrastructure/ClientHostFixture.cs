using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A local host for the client libraries' tests: its queue poller turns accepted calls into tables, as the aggregate
/// app would, so that a test checks what a client delivered in the stored data; and its storage can be taken away
/// (<see cref="Outage"/>), so that the ingest answers 503 as it does in Azure when storage is unreachable.
/// </summary>
public sealed class ClientHostFixture : LocalHostFixture
{
    public StorageOutagePolicy Outage { get; } = new();

    public Uri BaseAddress => Http.BaseAddress!;

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = true;
        options.RunTimers = false;
        options.VisibilityTimeoutOverride = TimeSpan.FromSeconds(1);
        options.StorageClientOptions = new StorageClientOptions { ExtraPolicies = [Outage] };
    }

    /// <summary>Waits until every accepted call has been processed: the ingest queue holds no message, visible or not.</summary>
    public async Task ProcessIngestAsync()
    {
        await IngestQueue.CreateIfNotExistsAsync();
        await Eventually.MatchesAsync(
            async () => (await IngestQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0,
            TimeSpan.FromSeconds(60));
    }

    /// <summary>A session as stored: its events, its user and both sets of properties, read with the host's own stores.</summary>
    public Task<StoredSession> ReadSessionAsync(string sessionId) => StoredSession.ReadAsync(Services, sessionId);

    /// <summary>Waits until a session holds at least <paramref name="events"/> events, then everything queued is processed.</summary>
    public async Task<StoredSession> WaitForSessionAsync(string sessionId, int events)
    {
        await Eventually.MatchesAsync(() => ReadSessionAsync(sessionId), session => session.Events.Count >= events, TimeSpan.FromSeconds(60));
        await ProcessIngestAsync();
        return await ReadSessionAsync(sessionId);
    }
}
