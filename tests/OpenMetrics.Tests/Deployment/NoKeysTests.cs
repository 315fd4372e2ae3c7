namespace OpenMetrics.Tests.Deployment;

/// <summary>No account key, connection string or local authentication anywhere in what main.bicep deploys.</summary>
public sealed class NoKeysTests
{
    [Theory]
    [InlineData("listKeys(")]
    [InlineData("AccountKey=")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("SharedAccessSignature")]
    [InlineData("listAccountSas(")]
    public async Task Compiled_template_never_reads_or_writes_a_key(string keyMarker)
    {
        var infra = await CompiledInfra.LoadAsync();

        Assert.DoesNotContain(keyMarker, infra.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Storage_accounts_refuse_shared_key_access()
    {
        var infra = await CompiledInfra.LoadAsync();
        var accounts = infra.Root.SelfAndDescendants()
            .SelectMany(deployment => deployment.ResourcesOfType("Microsoft.Storage/storageAccounts")).ToList();

        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, account => Assert.False((bool)account.Properties!["allowSharedKeyAccess"]!));
    }

    [Fact]
    public async Task Application_Insights_accepts_only_Entra_ID_telemetry()
    {
        var infra = await CompiledInfra.LoadAsync();
        var component = infra.Root.SelfAndDescendants()
            .SelectMany(deployment => deployment.ResourcesOfType("Microsoft.Insights/components")).Single();

        Assert.True((bool)component.Properties!["DisableLocalAuth"]!);
    }

    [Fact]
    public async Task Query_key_is_no_output_of_any_template()
    {
        var infra = await CompiledInfra.LoadAsync();

        Assert.All(infra.Root.SelfAndDescendants(), deployment =>
            Assert.DoesNotContain("parameters('queryKey')", deployment.Template["outputs"]?.ToJsonString() ?? "", StringComparison.Ordinal));
    }
}
