using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenMetrics.Tests.Deployment;

/// <summary>One function app as main.bicep deploys it: its service name, site, settings and identity.</summary>
public sealed record DeployedApp(string Service, ArmDeployment Deployment, ArmResource Site, JsonObject Settings, string IdentityDeployment)
{
    /// <summary>The names of the modules a setting's value comes from (e.g. the identity whose client id it holds).</summary>
    public IReadOnlySet<string> SourcesOf(string setting) =>
        CompiledInfra.DeploymentNames(Settings[setting]?.ToString() ?? "");
}

/// <summary>
/// infra/main.bicep compiled once per test run by the real Bicep CLI, and the function apps found in it.
/// </summary>
public sealed partial class CompiledInfra
{
    private static readonly Lazy<Task<CompiledInfra>> Instance = new(CompileAsync);

    private CompiledInfra(string json)
    {
        Json = json;
        Root = ArmDeployment.Root(JsonNode.Parse(json)!.AsObject());
        Apps = [.. Root.SelfAndDescendants().SelectMany(FindApps)];
    }

    /// <summary>The ARM JSON exactly as <c>bicep build</c> printed it.</summary>
    public string Json { get; }

    public ArmDeployment Root { get; }

    public IReadOnlyList<DeployedApp> Apps { get; }

    public static Task<CompiledInfra> LoadAsync() => Instance.Value;

    public DeployedApp App(string service) => Apps.Single(app => app.Service == service);

    public ArmDeployment Deployment(string name) => Root.SelfAndDescendants().Single(deployment => deployment.Name == name);

    public static IReadOnlySet<string> DeploymentNames(string expandedText) =>
        DeploymentReference().Matches(expandedText).Select(match => match.Groups["name"].Value).ToHashSet();

    private static async Task<CompiledInfra> CompileAsync()
    {
        var result = await BicepCli.RunAsync("build", InfraPaths.MainBicep, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {result.All}");
        }

        return new CompiledInfra(result.Output);
    }

    private static IEnumerable<DeployedApp> FindApps(ArmDeployment deployment)
    {
        foreach (var site in deployment.ResourcesOfType("Microsoft.Web/sites"))
        {
            var tags = deployment.Expand((string)site.Body["tags"]!);
            var serviceParameter = ServiceTag().Match(tags).Groups["expression"].Value;
            var service = (string)deployment.Resolve(JsonValue.Create($"[{serviceParameter}]"))!;
            var settings = deployment.ResourcesOfType("Microsoft.Web/sites/config")
                .Single(config => ((string)config.Body["name"]!).Contains("'appsettings'", StringComparison.Ordinal));
            var identityKey = ((JsonObject)site.Body["identity"]!["userAssignedIdentities"]!).Single().Key;
            var identity = DeploymentNames(deployment.Expand(identityKey)).Single();
            yield return new DeployedApp(service, deployment, site, deployment.Resolve(settings.Body["properties"])!.AsObject(), identity);
        }
    }

    [GeneratedRegex(@"'azd-service-name', (?<expression>parameters\('[^']+'\))")]
    private static partial Regex ServiceTag();

    [GeneratedRegex(@"'Microsoft\.Resources/deployments', '(?<name>[^']+)'")]
    private static partial Regex DeploymentReference();
}
