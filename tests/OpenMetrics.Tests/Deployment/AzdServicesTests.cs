using System.Text.RegularExpressions;

namespace OpenMetrics.Tests.Deployment;

/// <summary>azure.yaml and main.bicep agree: azd deploys each service to the app tagged with its name.</summary>
public sealed partial class AzdServicesTests
{
    [Fact]
    public void Azure_yaml_lists_the_three_function_apps()
    {
        var services = ServicesInAzureYaml();

        Assert.Equal(
            [("aggregate", "./Functions.Aggregate"), ("ingest", "./Functions.Ingest"), ("query", "./Functions.Query")],
            services.Select(service => (service.Name, service.Project)).Order());
        Assert.All(services, service =>
        {
            Assert.Equal(("dotnet", "function"), (service.Language, service.Host));
            Assert.True(File.Exists(Path.Combine(InfraPaths.Root, service.Project, $"{Path.GetFileName(service.Project)}.csproj")));
        });
    }

    [Fact]
    public async Task Each_azd_service_has_exactly_one_app_tagged_with_its_name()
    {
        var infra = await CompiledInfra.LoadAsync();

        Assert.Equal(ServicesInAzureYaml().Select(service => service.Name).Order(), infra.Apps.Select(app => app.Service).Order());
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("INGEST_URL")]
    [InlineData("QUERY_URL")]
    [InlineData("DASHBOARD_URL")]
    public async Task Main_bicep_outputs_what_azd_and_the_user_need(string output)
    {
        var infra = await CompiledInfra.LoadAsync();

        Assert.NotNull(infra.Root.Template["outputs"]![output]);
    }

    private sealed record AzdService(string Name, string Project, string Language, string Host);

    /// <summary>The services block of azure.yaml: a name at two spaces, its properties at four.</summary>
    private static List<AzdService> ServicesInAzureYaml()
    {
        var yaml = File.ReadAllText(InfraPaths.AzureYaml);
        var block = yaml[(yaml.IndexOf("\nservices:", StringComparison.Ordinal) + 1)..];
        return [.. ServiceEntry().Matches(block).Select(match => new AzdService(
            match.Groups["name"].Value, match.Groups["project"].Value, match.Groups["language"].Value, match.Groups["host"].Value))];
    }

    [GeneratedRegex(@"^  (?<name>[a-z-]+):\n    project: (?<project>\S+)\n    language: (?<language>\S+)\n    host: (?<host>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ServiceEntry();
}
