using System.Text.Json;
using Azure.Storage.Queues;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Functions;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Core.Functions;

/// <summary>
/// In Azure the queue rules come from the app's host.json; the local host takes them from the catalog. Both must say
/// the same, or the local host would test rules that Azure does not run.
/// </summary>
public sealed class QueueSettingsTests
{
    public static TheoryData<string> QueueFunctions => new(FunctionCatalog.Queues.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public void The_apps_host_json_has_the_catalogs_batch_retry_and_polling_rules(string name)
    {
        var function = FunctionCatalog.Queues.Single(f => f.Name == name);
        var queues = QueueSection(function.App);

        Assert.Equal(function.BatchSize, queues.GetProperty("batchSize").GetInt32());
        Assert.Equal(function.NewBatchThreshold, queues.GetProperty("newBatchThreshold").GetInt32());
        Assert.Equal(function.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal(function.VisibilityTimeout, TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!));
        Assert.Equal(function.MaxPollingInterval, TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!));
    }

    [Fact]
    public void The_aggregate_app_reads_base64_messages_as_the_ingest_app_writes_them()
    {
        Assert.Equal("base64", QueueSection(FunctionApp.Aggregate).GetProperty("messageEncoding").GetString());
        Assert.Equal(QueueMessageEncoding.Base64, new StorageClientOptions().Queues().MessageEncoding);
    }

    [Fact]
    public void Ingest_messages_are_processed_by_ProcessIngest_and_fail_over_to_ingest_poison()
    {
        var function = Assert.Single(FunctionCatalog.Queues, f => f.Queue == "ingest");

        Assert.Equal("ProcessIngest", function.Name);
        Assert.Equal("ingest-poison", function.PoisonQueue);
        Assert.Equal(StorageNames.IngestPoisonQueue, function.PoisonQueue);
    }

    private static JsonElement QueueSection(FunctionApp app)
    {
        var path = Path.Combine(RepositoryRoot.Find(), $"Functions.{app}", "host.json");
        using var hostJson = JsonDocument.Parse(File.ReadAllText(path));
        return hostJson.RootElement.GetProperty("extensions").GetProperty("queues").Clone();
    }
}
