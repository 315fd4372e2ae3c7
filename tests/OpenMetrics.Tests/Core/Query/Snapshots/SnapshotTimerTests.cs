using System.Text.Json;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Snapshots;

/// <summary>
/// The frequent snapshot timer, fired by the local host's timer runner on the schedule read from its setting,
/// computes a saved retention against a real Azurite, and the query route returns that snapshot. The host's clock is
/// the fixture's: the test moves it to the timer's next occurrence instead of waiting for it.
/// </summary>
public sealed class SnapshotTimerTests(TimerHostFixture host) : IClassFixture<TimerHostFixture>
{
    [Fact]
    public async Task The_timer_snapshots_a_saved_retention_and_the_query_returns_it()
    {
        var clock = host.Clock;
        var now = clock.GetUtcNow();
        var events = JsonSerializer.Serialize(new
        {
            sessionId = "timer-s1",
            events = new[] { new { name = "topen", ts = now.AddDays(-2).ToString("O") }, new { name = "topen", ts = now.AddDays(-1).ToString("O") } },
        });
        await host.PostOkAsync("/v1/events", events);
        await host.ProcessIngestQueueAsync();

        const string Definition = """{"name":"weekly opens","startEvent":"topen","returnEvent":"topen","range":"7d","periods":3}""";
        using var created = await host.Api.PostAsync("/api/retentions", new StringContent(Definition));
        using var saved = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = saved.RootElement.GetProperty("id").GetString()!;
        var store = new SnapshotStore(host.Storage.Tables().GetTableClient(StorageNames.SnapshotsTable));
        var key = SnapshotKeys.Saved(SavedKind.Retentions, id);

        // The runner waits for the snapshot timer's next occurrence, 2 s ahead; the clock moves there, the timer fires,
        // and once its run is over the runner waits for the occurrence after it (a second 2 s timer).
        await clock.TimersCreatedAsync(TimerHostFixture.SnapshotPeriod, 1).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Null(await TryNewestAsync(store, key));
        clock.Advance(TimerHostFixture.SnapshotPeriod);
        await clock.TimersCreatedAsync(TimerHostFixture.SnapshotPeriod, 2).WaitAsync(TimeSpan.FromSeconds(60));

        var snapshot = await TryNewestAsync(store, key);
        var answer = await FunnelData.PostAsync(host, "/api/query/retention", $$"""{"id":"{{id}}"}""");
        var onDemand = await FunnelData.PostAsync(host, "/api/query/retention", Definition[..^1] + ""","fresh":true}""");

        var fired = now + TimerHostFixture.SnapshotPeriod;
        Assert.Equal(fired, snapshot!.ComputedAt);
        Assert.Equal("snapshot", answer.GetProperty("meta").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("meta").GetProperty("reason").ValueKind);
        // The clock has not moved since the one run: the answer is that snapshot.
        Assert.Equal(fired, answer.GetProperty("meta").GetProperty("computedAt").GetDateTimeOffset());
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
