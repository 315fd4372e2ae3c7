using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Apps.Queues;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Storage;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Queues;

/// <summary>The handler the ProcessIngest function calls, against the real table storage of Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class IngestQueueHandlerTests(LocalHostFixture host)
{
    private static readonly int LastTry = FunctionCatalog.ProcessIngest.MaxDequeueCount;

    private IngestQueueHandler Handler => host.Services.GetRequiredService<IngestQueueHandler>();

    [Fact]
    public async Task A_failure_before_the_last_try_is_rethrown_and_records_no_reason()
    {
        var queueMessageId = Guid.NewGuid().ToString();

        await Assert.ThrowsAnyAsync<Exception>(() => Handler.HandleAsync(UnknownVersion(out _), queueMessageId, LastTry - 1, CancellationToken.None));

        Assert.Empty(await FailuresAsync(queueMessageId));
    }

    [Fact]
    public async Task A_failure_at_the_last_try_records_the_reason_under_the_day_and_queue_message_id_then_moves_it_to_poison()
    {
        var queueMessageId = Guid.NewGuid().ToString();
        var dayBefore = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var body = UnknownVersion(out var messageId);

        // The handler moves the message to poison itself (so that it never expires there) and returns: no rethrow.
        await Handler.HandleAsync(body, queueMessageId, LastTry, CancellationToken.None);

        var dayAfter = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var row = Assert.Single(await FailuresAsync(queueMessageId));
        Assert.Contains(row.PartitionKey, new[] { dayBefore, dayAfter });
        Assert.Equal("JsonException", row.GetString("Exception"));
        Assert.Contains("99", row.GetString("Error"), StringComparison.Ordinal);
        Assert.Equal(LastTry, row.GetInt64("DequeueCount"));
        Assert.Equal(messageId, row.GetString("MessageId"));
    }

    [Fact]
    public async Task Only_the_first_line_of_a_multi_line_error_is_recorded()
    {
        var queueMessageId = Guid.NewGuid().ToString();
        var message = TestMessages.Events(TestMessages.NewCallId()) with { Events = null, ClaimCheck = $"missing/{Guid.NewGuid():N}.json" };
        await host.Storage.Blobs().GetBlobContainerClient(StorageNames.IngestClaimsContainer).CreateIfNotExistsAsync();

        var body = BinaryData.FromBytes(IngestMessageBuilder.Serialize(message));
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => Handler.HandleAsync(body, queueMessageId, LastTry - 1, CancellationToken.None));
        await Handler.HandleAsync(body, queueMessageId, LastTry, CancellationToken.None);

        Assert.Contains('\n', thrown.Message);
        var error = Assert.Single(await FailuresAsync(queueMessageId)).GetString("Error");
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith(error, thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>A message from a future version of the ingest app: readable JSON, but a version this reader refuses.</summary>
    private static BinaryData UnknownVersion(out string messageId)
    {
        var message = TestMessages.Events("call-" + TestMessages.NewCallId()) with { V = 99 };
        messageId = message.Id;
        return BinaryData.FromBytes(IngestMessageBuilder.Serialize(message));
    }

    private async Task<List<TableEntity>> FailuresAsync(string queueMessageId)
    {
        var table = host.Storage.Tables().GetTableClient(StorageNames.IngestFailuresTable);
        await table.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {queueMessageId}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
