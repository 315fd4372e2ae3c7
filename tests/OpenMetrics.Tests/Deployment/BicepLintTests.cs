namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// The real Bicep CLI compiles and lints infra/ with no diagnostic at all: infra/bicepconfig.json raises the linter's
/// rules to warning level, and any warning here fails the build of the infrastructure.
/// </summary>
public sealed class BicepLintTests
{
    public static TheoryData<string> BicepFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(InfraPaths.Infra, "*.bicep", SearchOption.AllDirectories).Order())
        {
            files.Add(Path.GetRelativePath(InfraPaths.Infra, file));
        }

        return files;
    }

    [Fact]
    public async Task Main_bicep_builds_to_ARM_JSON_without_a_warning()
    {
        var result = await BicepCli.RunAsync("build", "main.bicep", "--stdout");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Errors.Trim());
        Assert.StartsWith("{", result.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Bicep_file_lints_without_a_warning(string file)
    {
        var result = await BicepCli.RunAsync("lint", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.All);
    }

    [Fact]
    public async Task Linter_config_turns_on_rules_that_are_off_by_default()
    {
        // A hard-coded location passes the linter's defaults; with infra/bicepconfig.json beside it, it must not.
        var folder = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            File.Copy(Path.Combine(InfraPaths.Infra, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var probe = Path.Combine(folder.FullName, "probe.bicep");
            File.WriteAllText(probe, """
                resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
                  name: 'probe'
                  location: 'westeurope'
                  properties: {
                    tenantId: subscription().tenantId
                    sku: {
                      family: 'A'
                      name: 'standard'
                    }
                  }
                }
                """);

            var result = await BicepCli.RunAsync("lint", probe);

            Assert.Contains("Warning no-hardcoded-location", result.All, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
