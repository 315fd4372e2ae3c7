using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Deployment;

/// <summary>The data storage account holds the queues, container and table the code names in StorageNames.</summary>
public sealed class DataStorageTests
{
    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", StorageNames.IngestQueue)]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", StorageNames.IngestPoisonQueue)]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", StorageNames.IngestClaimsContainer)]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", StorageNames.IngestRejectionsTable)]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", StorageNames.MetricPointsTable)]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", StorageNames.SourcesTable)]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", StorageNames.AlertsTable)]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", StorageNames.ImportsQueue)]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", StorageNames.ImportsPoisonQueue)]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", StorageNames.ImportsContainer)]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", StorageNames.ImportsTable)]
    public async Task Data_storage_has_what_the_code_names(string type, string name)
    {
        var dataStorage = (await CompiledInfra.LoadAsync()).Deployment("data-storage");

        Assert.Single(dataStorage.ResourcesOfType(type), resource => ((string)resource.Body["name"]!).EndsWith($"'{name}')]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("delete-ingest-claims", StorageNames.IngestClaimsContainer)]
    [InlineData("delete-import-chunks", StorageNames.ImportsContainer)]
    public async Task Claim_check_and_import_chunk_blobs_are_swept_after_a_year_not_a_week(string ruleName, string container)
    {
        var dataStorage = (await CompiledInfra.LoadAsync()).Deployment("data-storage");
        var policy = Assert.Single(dataStorage.ResourcesOfType("Microsoft.Storage/storageAccounts/managementPolicies"));
        var rule = Assert.Single(policy.Properties!["policy"]!["rules"]!.AsArray(), r => (string)r!["name"]! == ruleName)!;
        var definition = rule["definition"]!;

        Assert.Contains(container, dataStorage.Expand(definition["filters"]!["prefixMatch"]), StringComparison.Ordinal);
        var days = dataStorage.Resolve(definition["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]);
        // The aggregation deletes a claim once its message is processed; the rule only sweeps blobs whose enqueue
        // failed (the call answered 503), so it must outlast any pause of the aggregation or unreplayed poison message.
        // An import chunk stays after it is counted, for the same reason: a redelivered or replayed message reads it.
        Assert.Equal(365, (int)days!);
    }
}
