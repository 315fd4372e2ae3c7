using System.Text.RegularExpressions;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// azure.yaml's postprovision hook: on the first provision of an environment it waits for the new role assignments to
/// reach the data planes before azd deploys (azure-dev issue 8026: a 403 uploading the package otherwise).
/// </summary>
public sealed partial class ProvisionHookTests
{
    [Theory]
    [InlineData("posix", "sh", "scripts/wait-for-roles.sh")]
    [InlineData("windows", "pwsh", "scripts/wait-for-roles.ps1")]
    public void Azure_yaml_runs_the_wait_after_provisioning(string platform, string shell, string script)
    {
        var hook = PostProvision().Match(File.ReadAllText(InfraPaths.AzureYaml));

        Assert.True(hook.Success, "azure.yaml has no postprovision hook");
        Assert.Contains($"    {platform}:\n      shell: {shell}\n      run: {script}\n", hook.Value, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(InfraPaths.Root, script)), $"{script} is missing");
    }

    [Fact]
    public async Task The_posix_script_is_valid_sh()
    {
        var result = await ToolProcess.RunAsync("sh", ["-n", "scripts/wait-for-roles.sh"], InfraPaths.Root, TimeSpan.FromSeconds(10));

        Assert.Equal((0, ""), (result.ExitCode, result.All));
    }

    [Fact]
    public async Task Once_an_environment_has_settled_the_script_returns_at_once_without_azd()
    {
        // azd hands the hook the environment's values as variables; the script sets this one after its first wait.
        var result = await ToolProcess.RunAsync(
            "env", ["-i", "OPENMETRICS_ROLES_SETTLED=true", "PATH=/usr/bin:/bin", "sh", "scripts/wait-for-roles.sh"],
            InfraPaths.Root, TimeSpan.FromSeconds(10));

        Assert.Equal(0, result.ExitCode);
    }

    [GeneratedRegex(@"^hooks:\n  postprovision:\n(    .*\n)+", RegexOptions.Multiline)]
    private static partial Regex PostProvision();
}
