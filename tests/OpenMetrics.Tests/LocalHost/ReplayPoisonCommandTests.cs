using OpenMetrics.Core.Ingest;
using OpenMetrics.LocalHost;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.LocalHost;

/// <summary><c>dotnet run --project LocalHost -- replay-poison</c>, run in process against the test's Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReplayPoisonCommandTests(LocalHostFixture host)
{
    [Fact]
    public async Task Replay_poison_moves_every_poison_message_back_to_the_ingest_queue_and_exits_zero()
    {
        await host.ClearIngestAndPoisonQueuesAsync();
        var poison = host.PoisonQueue;
        var sent = new[] { TestMessages.Events(TestMessages.NewCallId()), TestMessages.Events(TestMessages.NewCallId()) };
        foreach (var message in sent)
        {
            await poison.SendMessageAsync(BinaryData.FromBytes(IngestMessageBuilder.Serialize(message)));
        }

        var exitCode = await ReplayPoisonCommand.RunAsync(new LocalHostOptions { StorageConnectionString = host.Azurite.ConnectionString, StartAzurite = false });

        Assert.Equal(0, exitCode);
        Assert.Empty((await poison.PeekMessagesAsync(32)).Value);
        var back = await host.ReadIngestQueueAsync();
        Assert.Equal(sent.Select(m => m.Id).Order(), back.Select(m => m.Id).Order());
    }
}
