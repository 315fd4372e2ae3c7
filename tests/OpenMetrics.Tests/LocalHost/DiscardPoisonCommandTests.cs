using OpenMetrics.Core.Ingest;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage.Queues;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.LocalHost;

/// <summary><c>dotnet run --project LocalHost -- discard-poison {id} {sha256}</c>, run in process against the test's Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class DiscardPoisonCommandTests(LocalHostFixture host)
{
    [Fact]
    public async Task Discard_poison_removes_the_one_message_named_and_exits_zero_and_an_unknown_id_exits_two()
    {
        var poison = host.PoisonQueue;
        await poison.CreateIfNotExistsAsync();
        await poison.ClearMessagesAsync();
        var bodies = new[] { TestMessages.Events(TestMessages.NewCallId()), TestMessages.Events(TestMessages.NewCallId()) }
            .Select(message => BinaryData.FromBytes(IngestMessageBuilder.Serialize(message))).ToList();
        var ids = new List<string>();
        foreach (var body in bodies)
        {
            ids.Add((await poison.SendMessageAsync(body)).Value.MessageId);
        }

        var options = new LocalHostOptions { StorageConnectionString = host.Azurite.ConnectionString, StartAzurite = false };
        var unknown = await DiscardPoisonCommand.RunAsync(options, ["no-such-id", IngestFailure.HashOf(bodies[0])]);
        var discarded = await DiscardPoisonCommand.RunAsync(options, [ids[0], IngestFailure.HashOf(bodies[0])]);

        Assert.Equal(2, unknown);
        Assert.Equal(0, discarded);
        Assert.Equal(ids[1], Assert.Single((await poison.PeekMessagesAsync(32)).Value).MessageId);
    }
}
