using System.Text.Json.Nodes;

namespace OpenMetrics.Tests.Deployment;

/// <summary>What azd passes to main.bicep (infra/main.parameters.json) and how it prompts for the rest.</summary>
public sealed class AzdParametersTests
{
    /// <summary>The regions of the azd Flex Consumption quickstarts (functions-quickstart-dotnet-azd), without its canary region.</summary>
    private static readonly string[] FlexConsumptionRegions =
    [
        "australiaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral",
        "northcentralus", "northeurope", "southcentralus", "southeastasia", "swedencentral", "uksouth", "westcentralus",
        "westeurope", "westus2",
    ];

    [Fact]
    public void Principal_type_comes_from_azd_so_that_a_service_principal_can_run_azd_up()
    {
        // azd sets AZURE_PRINCIPAL_TYPE to User or ServicePrincipal; a role assignment whose principalType does not
        // match the principal fails with UnmatchedPrincipalType. The default covers an azd that does not set it.
        Assert.Equal("${AZURE_PRINCIPAL_TYPE=User}", ParameterValue("principalType"));
    }

    [Fact]
    public async Task Location_is_one_of_the_Flex_Consumption_regions_and_azd_prompts_for_it_as_a_location()
    {
        var location = Parameter(await CompiledInfra.LoadAsync(), "location");

        Assert.Equal(FlexConsumptionRegions.Order(), location["allowedValues"]!.AsArray().Select(region => (string)region!).Order());
        Assert.Equal("location", (string?)location["metadata"]!["azd"]!["type"]);
    }

    [Fact]
    public async Task Every_parameter_azd_passes_exists_in_main_bicep()
    {
        var template = JsonNode.Parse((await CompiledInfra.LoadAsync()).Json)!;
        var passed = ParametersFile()["parameters"]!.AsObject().Select(pair => pair.Key);

        Assert.All(passed, name => Assert.NotNull(template["parameters"]![name]));
    }

    private static JsonNode Parameter(CompiledInfra infra, string name) => JsonNode.Parse(infra.Json)!["parameters"]![name]!;

    private static string? ParameterValue(string name) => (string?)ParametersFile()["parameters"]![name]?["value"];

    private static JsonNode ParametersFile() => JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.Infra, "main.parameters.json")))!;
}
