using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Deployment;

/// <summary>Where the deployment files live in the repository.</summary>
public static class InfraPaths
{
    public static string Root { get; } = RepositoryRoot.Find();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");
}
