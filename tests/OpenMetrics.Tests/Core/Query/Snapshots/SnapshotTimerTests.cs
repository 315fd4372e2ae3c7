using System.Text.Json;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Storage;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Snapshots;

/// <summary>
/// The frequent snapshot timer, fired by the local host's timer runner on the schedule read from its setting,
/// computes a saved retention against a real Azurite, and the query route returns that snapshot.
/// </summary>
public sealed class SnapshotTimerTests(TimerHostFixture host) : IClassFixture<TimerHostFixture>
{
    [Fact]
    public async Task The_timer_snapshots_a_saved_retention_and_the_query_returns_it()
    {
        var now = DateTimeOffset.UtcNow;
        var events = JsonSerializer.Serialize(new
        {
            sessionId = "timer-s1",
            events = new[] { new { name = "topen", ts = now.AddDays(-2).ToString("O") }, new { name = "topen", ts = now.AddDays(-1).ToString("O") } },
        });
        await host.PostOkAsync("/v1/events", events);
        await Eventually.MatchesAsync(
            async () => (await host.IngestQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount, count => count == 0, TimeSpan.FromSeconds(60));

        const string Definition = """{"name":"weekly opens","startEvent":"topen","returnEvent":"topen","range":"7d","periods":3}""";
        using var created = await host.Api.PostAsync("/api/retentions", new StringContent(Definition));
        using var saved = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = saved.RootElement.GetProperty("id").GetString()!;

        // Nothing but the timer writes this snapshot before the query below asks for it.
        var store = new SnapshotStore(host.Storage.Tables().GetTableClient(StorageNames.SnapshotsTable));
        var snapshot = await Eventually.MatchesAsync(
            () => TryNewestAsync(store, SnapshotKeys.Saved(SavedKind.Retentions, id)), kept => kept is not null, TimeSpan.FromSeconds(30));
        var answer = await FunnelData.PostAsync(host, "/api/query/retention", $$"""{"id":"{{id}}"}""");
        var onDemand = await FunnelData.PostAsync(host, "/api/query/retention", Definition[..^1] + ""","fresh":true}""");

        Assert.Equal("snapshot", answer.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("meta").GetProperty("reason").ValueKind);
        // The timer fires every 2 s: the answer is that snapshot or a newer one of the timer's.
        Assert.True(answer.GetProperty("meta").GetProperty("computedAt").GetDateTimeOffset() >= snapshot!.ComputedAt);
        Assert.Equal(onDemand.GetProperty("cohorts").GetRawText(), answer.GetProperty("cohorts").GetRawText());
        Assert.Contains(answer.GetProperty("cohorts").EnumerateArray(), cohort => cohort.GetProperty("size").GetInt32() == 1);
    }

    private static async Task<Snapshot?> TryNewestAsync(SnapshotStore store, string key)
    {
        try
        {
            return await store.NewestAsync(key, CancellationToken.None);
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            return null; // The table does not exist until the first snapshot is written.
        }
    }
}
