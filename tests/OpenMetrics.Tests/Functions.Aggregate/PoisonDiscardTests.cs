using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Aggregate;

/// <summary>
/// <c>DELETE ops/poison/{id}?sha256=...</c>: one poison message discarded on purpose, named by its id and the hash of
/// the body the listing showed; its claim-check blob goes with it, every other poison message stays, and the discard
/// is recorded. Through the local host with its queue poller running, as the aggregate app serves it.
/// </summary>
[Collection(QueueCollection.Name)]
public sealed class PoisonDiscardTests(QueueHostFixture host) : IAsyncLifetime
{
    private QueueClient Poison => host.PoisonQueue;

    public Task InitializeAsync() => host.ClearIngestAndPoisonQueuesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Discarding_one_of_three_deletes_it_and_its_claim_blob_and_the_other_two_replay_and_count_once()
    {
        var run = TestMessages.NewCallId();
        var kept = new[] { Message(run, "kept-a"), Message(run, "kept-b") };
        var discarded = Message(run, "discarded");
        var claimBlob = $"{discarded.ReceivedAt:yyyy/MM/dd}/{discarded.Id}.json";
        await host.Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer)
            .UploadBlobAsync(claimBlob, BinaryData.FromBytes(IngestMessageBuilder.Serialize(discarded)));
        await Poison.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(kept[0])));
        await Poison.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(discarded with { Events = null, ClaimCheck = claimBlob })));
        await Poison.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(kept[1])));
        var listed = await ListAsync();
        var target = listed[1];

        using var discard = await host.Http.DeleteAsync($"/ops/poison/{target.Id}?sha256={target.Sha256}");

        var answer = await discard.Content.ReadAsStringAsync();
        Assert.True(discard.StatusCode == HttpStatusCode.OK, answer);
        using var record = JsonDocument.Parse(answer);
        Assert.Equal(target.Id, record.RootElement.GetProperty("id").GetString());
        Assert.Equal(discarded.Id, record.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(claimBlob, record.RootElement.GetProperty("claimCheck").GetString());
        Assert.False((await host.Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer).GetBlobClient(claimBlob).ExistsAsync()).Value);
        Assert.Equal([listed[0].Id, listed[2].Id], (await ListAsync()).Select(m => m.Id));
        var stored = await RecordedDiscardAsync(target.Id);
        Assert.Equal(discarded.Id, stored.GetString("MessageId"));
        Assert.Equal(target.Sha256, stored.GetString("BodySha256"));
        Assert.Equal(record.RootElement.GetProperty("discardedAt").GetDateTimeOffset(), stored.GetDateTimeOffset("DiscardedAt"));

        using var replay = await host.Http.PostAsync("/ops/poison/replay", null);
        Assert.Equal("""{"replayed":2}""", await replay.Content.ReadAsStringAsync());
        await Eventually.MatchesAsync(async () => (await host.IngestQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount, length => length == 0, TimeSpan.FromSeconds(15));

        Assert.Empty((await Poison.PeekMessagesAsync(32)).Value);
        Assert.Equal(1, await CountAsync($"kept-a-{run}"));
        Assert.Equal(1, await CountAsync($"kept-b-{run}"));
        Assert.Equal(0, await CountAsync($"discarded-{run}"));
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_naming_it_and_leaves_the_poison_queue_alone()
    {
        await Poison.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(Message(TestMessages.NewCallId(), "left"))));
        var before = await ListAsync();

        using var discard = await host.Http.DeleteAsync($"/ops/poison/no-such-id?sha256={before[0].Sha256}");

        Assert.Equal(HttpStatusCode.NotFound, discard.StatusCode);
        Assert.Equal("no poison message has the id no-such-id", await discard.Content.ReadAsStringAsync());
        Assert.Equal(before.Select(m => m.Id), (await ListAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task A_discard_without_the_body_hash_or_with_another_one_discards_nothing()
    {
        await Poison.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(Message(TestMessages.NewCallId(), "guarded"))));
        var listed = Assert.Single(await ListAsync());

        using var missing = await host.Http.DeleteAsync($"/ops/poison/{listed.Id}");
        using var wrong = await host.Http.DeleteAsync($"/ops/poison/{listed.Id}?sha256={new string('0', 64)}");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.StartsWith("sha256 is missing", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.StartsWith($"poison message {listed.Id} has another body", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(listed.Id, Assert.Single(await ListAsync()).Id);
    }

    private static IngestMessage Message(string run, string name)
    {
        var plain = TestMessages.Events(TestMessages.NewCallId());
        return plain with { Events = [plain.Events![0] with { Name = $"{name}-{run}" }] };
    }

    private async Task<List<(string Id, string Sha256)>> ListAsync()
    {
        using var listing = JsonDocument.Parse(await host.Http.GetStringAsync("/ops/poison"));
        return listing.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("bodySha256").GetString()!))
            .ToList();
    }

    private async Task<TableEntity> RecordedDiscardAsync(string id)
    {
        var table = host.Storage.Tables().GetTableClient(StorageNames.PoisonDiscardsTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(row => row.RowKey == id))
        {
            rows.Add(row);
        }

        return Assert.Single(rows);
    }

    private async Task<double> CountAsync(string eventName)
    {
        var answer = await host.PostQueryAsync("/api/query/trends",
            $$"""{"series":[{"event":"{{eventName}}"}],"interval":"total","from":"2026-01-05","to":"2026-01-06","source":"raw"}""");
        return answer.GetProperty("series")[0].GetProperty("total").GetDouble();
    }
}
