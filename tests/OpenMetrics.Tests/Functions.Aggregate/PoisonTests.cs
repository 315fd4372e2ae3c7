using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Aggregate;

/// <summary>
/// Messages through the local host's queue poller, which follows the aggregate app's host.json rules (with a one
/// second visibility timeout): what is processed leaves the queue; what keeps failing ends in the poison queue with
/// its reason, and comes back with a replay.
/// </summary>
[Collection(QueueCollection.Name)]
public sealed class PoisonTests(QueueHostFixture host) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private QueueClient Poison => host.PoisonQueue;

    public Task InitializeAsync() => host.ClearIngestAndPoisonQueuesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_valid_message_is_processed_and_leaves_the_queue_within_seconds()
    {
        var message = TestMessages.Events(TestMessages.NewCallId());

        await host.IngestQueue.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(message)));

        await Eventually.MatchesAsync(IngestQueueLengthAsync, length => length == 0, TimeSpan.FromSeconds(15));
        Assert.Empty((await Poison.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_poison_with_its_reason_and_once_fixed_a_replay_gets_it_processed()
    {
        var message = TestMessages.Events(TestMessages.NewCallId());
        var claimBlob = $"{message.ReceivedAt:yyyy/MM/dd}/{message.Id}.json";
        var envelope = IngestMessageBuilder.Serialize(message with { Events = null, ClaimCheck = claimBlob });

        var sent = (await host.IngestQueue.SendMessageAsync(BinaryData.FromBytes(envelope))).Value;

        var poisoned = Assert.Single(await Eventually.MatchesAsync(
            async () => (await Poison.PeekMessagesAsync(32)).Value, found => found.Length > 0, Patience));
        Assert.Equal(envelope, poisoned.Body.ToArray());
        Assert.Equal(0, await IngestQueueLengthAsync());

        using var listing = JsonDocument.Parse(await host.Http.GetStringAsync("/ops/poison"));
        Assert.Equal(1, listing.RootElement.GetProperty("count").GetInt32());
        var listed = Assert.Single(listing.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal(poisoned.MessageId, listed.GetProperty("id").GetString());
        var reason = listed.GetProperty("reason");
        Assert.Equal(message.Id, reason.GetProperty("messageId").GetString());
        Assert.Equal(sent.MessageId, reason.GetProperty("queueMessageId").GetString());
        Assert.Equal("RequestFailedException", reason.GetProperty("exception").GetString());
        Assert.Equal(FunctionCatalog.ProcessIngest.MaxDequeueCount, reason.GetProperty("dequeueCount").GetInt64());

        await host.Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer)
            .UploadBlobAsync(claimBlob, BinaryData.FromBytes(IngestMessageBuilder.Serialize(message)));
        using var replay = await host.Http.PostAsync("/ops/poison/replay", null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("""{"replayed":1}""", await replay.Content.ReadAsStringAsync());
        await Eventually.MatchesAsync(IngestQueueLengthAsync, length => length == 0, TimeSpan.FromSeconds(15));
        Assert.Empty((await Poison.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task A_message_poisoned_fixed_and_replayed_twice_is_counted_once()
    {
        var callId = TestMessages.NewCallId();
        var plain = TestMessages.Events(callId);
        var message = plain with { Events = [plain.Events![0] with { Name = $"replayed-{callId}" }] };
        var claimBlob = $"{message.ReceivedAt:yyyy/MM/dd}/{message.Id}.json";
        var envelope = BinaryData.FromBytes(IngestMessageBuilder.Serialize(message with { Events = null, ClaimCheck = claimBlob }));
        await host.IngestQueue.SendMessageAsync(envelope);
        await Eventually.MatchesAsync(async () => (await Poison.PeekMessagesAsync(32)).Value, found => found.Length > 0, Patience);

        // Fixed: the body is back. Replayed, then replayed again, as an operator replaying a second copy would.
        await host.Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer)
            .UploadBlobAsync(claimBlob, BinaryData.FromBytes(IngestMessageBuilder.Serialize(message)));
        await ReplayAndDrainAsync();
        await Poison.SendMessageAsync(envelope);
        await ReplayAndDrainAsync();

        Assert.Empty((await Poison.PeekMessagesAsync(32)).Value);
        var answer = await host.PostQueryAsync("/api/query/trends",
            $$"""{"series":[{"event":"replayed-{{callId}}"}],"interval":"total","from":"2026-01-05","to":"2026-01-06","source":"raw"}""");
        Assert.Equal(1, answer.GetProperty("series")[0].GetProperty("total").GetDouble());
        var preaggregated = await host.PostQueryAsync("/api/query/trends",
            $$"""{"series":[{"event":"replayed-{{callId}}"}],"interval":"total","from":"2026-01-05","to":"2026-01-06","source":"preaggregate"}""");
        Assert.Equal(1, preaggregated.GetProperty("series")[0].GetProperty("total").GetDouble());
    }

    [Fact]
    public async Task The_poison_listing_is_empty_when_nothing_failed()
    {
        Assert.Equal("""{"count":0,"messages":[]}""", await host.Http.GetStringAsync("/ops/poison"));
    }

    private async Task ReplayAndDrainAsync()
    {
        using var replay = await host.Http.PostAsync("/ops/poison/replay", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await Eventually.MatchesAsync(IngestQueueLengthAsync, length => length == 0, TimeSpan.FromSeconds(15));
    }

    /// <summary>Counts hidden messages too (one being processed, or waiting for its next try), unlike a peek.</summary>
    private async Task<int> IngestQueueLengthAsync() => (await host.IngestQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
