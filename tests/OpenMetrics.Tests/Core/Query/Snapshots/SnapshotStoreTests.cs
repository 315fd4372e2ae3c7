using System.Text.Json.Nodes;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Snapshots;

/// <summary>The <c>Snapshots</c> table against a real Azurite: the newest row answers, older rows go, expired ad-hoc answers are cleared.</summary>
[Collection(QueryCollection.Name)]
public sealed class SnapshotStoreTests(QueryHostFixture host)
{
    private readonly SnapshotStore _store = new(Table(host));

    [Fact]
    public async Task A_save_keeps_only_the_newest_snapshot_of_its_partition()
    {
        var key = SnapshotKeys.Saved(SavedKind.Funnels, "store-" + Guid.NewGuid().ToString("N")[..8]);
        var older = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

        await _store.SaveAsync(key, Snapshot("old", older), CancellationToken.None);
        await _store.SaveAsync(key, Snapshot("new", older.AddMinutes(15)), CancellationToken.None);
        var newest = await _store.NewestAsync(key, CancellationToken.None);
        var rows = Table(host).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == key);

        Assert.Equal("new", (string?)newest!.Answer["label"]);
        Assert.Equal(older.AddMinutes(15), newest.ComputedAt);
        Assert.Equal(1, await rows.CountAsync());
    }

    [Fact]
    public async Task Clearing_removes_expired_ad_hoc_answers_and_nothing_else()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = SnapshotKeys.Adhoc(SavedKind.Retentions, "{\"expired\":" + Guid.NewGuid().ToString("N")[..8] + "}");
        var fresh = SnapshotKeys.Adhoc(SavedKind.Retentions, "{\"fresh\":" + Guid.NewGuid().ToString("N")[..8] + "}");
        var saved = SnapshotKeys.Saved(SavedKind.Retentions, "old-" + Guid.NewGuid().ToString("N")[..8]);
        await _store.SaveAsync(expired, Snapshot("expired", now.AddDays(-2)), CancellationToken.None);
        await _store.SaveAsync(fresh, Snapshot("fresh", now.AddMinutes(-1)), CancellationToken.None);
        await _store.SaveAsync(saved, Snapshot("saved long ago", now.AddDays(-30)), CancellationToken.None);

        var removed = await _store.DeleteAdhocBeforeAsync(now.AddHours(-24), CancellationToken.None);

        Assert.True(removed >= 1);
        Assert.Null(await _store.NewestAsync(expired, CancellationToken.None));
        Assert.NotNull(await _store.NewestAsync(fresh, CancellationToken.None));
        Assert.NotNull(await _store.NewestAsync(saved, CancellationToken.None));
    }

    private static Snapshot Snapshot(string label, DateTimeOffset computedAt) => new(new JsonObject { ["label"] = label }, computedAt, "hash");

    private static Azure.Data.Tables.TableClient Table(QueryHostFixture host)
    {
        var table = host.Storage.Tables().GetTableClient(StorageNames.SnapshotsTable);
        table.CreateIfNotExists();
        return table;
    }
}
