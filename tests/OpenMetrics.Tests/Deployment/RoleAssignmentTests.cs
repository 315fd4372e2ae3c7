namespace OpenMetrics.Tests.Deployment;

/// <summary>Each app runs as its own user-assigned identity, which holds exactly the roles that app needs.</summary>
public sealed class RoleAssignmentTests
{
    /// <summary>Built-in Azure role definition ids (the same in every tenant), by role name.</summary>
    private static readonly Dictionary<string, string> BuiltInRoles = new()
    {
        ["Storage Blob Data Owner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["Storage Blob Data Contributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        ["Storage Blob Data Reader"] = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
        ["Storage Queue Data Contributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["Storage Queue Data Message Sender"] = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
        ["Storage Queue Data Message Processor"] = "8a0f0c08-91a1-4084-bc3d-661d67233fed",
        ["Storage Table Data Contributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["Storage Table Data Reader"] = "76199698-9eea-4c19-bc75-cec21354c6b6",
        ["Monitoring Metrics Publisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        ["Monitoring Reader"] = "43d0d8ad-25c7-4714-9337-8ba259a9fe05",
        ["Log Analytics Reader"] = "73c42c96-874c-492b-b04d-ab87d138a893",
        ["Key Vault Secrets User"] = "4633458b-17de-408a-b874-0445c86b69e6",
    };

    private const string HostStorage = "host storage";
    private const string DataStorage = "data storage";
    private const string AppInsights = "Microsoft.Insights/components";
    private const string Workspace = "Microsoft.OperationalInsights/workspaces";
    private const string Secret = "Microsoft.KeyVault/vaults/secrets";
    private const string ResourceGroup = "resource group";

    /// <summary>Role and scope for each app; docs/deploy.md gives the reason for each.</summary>
    public static TheoryData<string, string[]> RolesOfEachApp() => new()
    {
        {
            "ingest",
            [
                $"Storage Blob Data Owner @ {HostStorage}",
                $"Storage Queue Data Contributor @ {DataStorage}",
                $"Storage Blob Data Contributor @ {DataStorage}",
                $"Storage Table Data Contributor @ {DataStorage}",
                $"Monitoring Metrics Publisher @ {AppInsights}",
                // The Key Vault reference of the write key, on that one secret only.
                $"Key Vault Secrets User @ {Secret}",
            ]
        },
        {
            "aggregate",
            [
                $"Storage Blob Data Owner @ {HostStorage}",
                $"Storage Queue Data Contributor @ {DataStorage}",
                $"Storage Blob Data Contributor @ {DataStorage}",
                $"Storage Table Data Contributor @ {DataStorage}",
                $"Monitoring Metrics Publisher @ {AppInsights}",
                $"Log Analytics Reader @ {Workspace}",
                $"Monitoring Reader @ {ResourceGroup}",
            ]
        },
        {
            "query",
            [
                $"Storage Blob Data Owner @ {HostStorage}",
                // An import's upload: its chunk blobs, and one queue message per chunk.
                $"Storage Queue Data Contributor @ {DataStorage}",
                $"Storage Blob Data Contributor @ {DataStorage}",
                $"Storage Table Data Contributor @ {DataStorage}",
                $"Monitoring Metrics Publisher @ {AppInsights}",
                $"Key Vault Secrets User @ {Secret}",
                // Metric sources' test and run pull from the query app.
                $"Log Analytics Reader @ {Workspace}",
                $"Monitoring Reader @ {ResourceGroup}",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(RolesOfEachApp))]
    public async Task App_identity_holds_exactly_its_roles(string service, string[] expected)
    {
        var infra = await CompiledInfra.LoadAsync();
        var identity = infra.Deployment(infra.App(service).IdentityDeployment);

        Assert.Equal(expected.Order(), RolesHeldBy(identity).Order());
    }

    [Fact]
    public async Task Every_app_runs_as_an_identity_of_its_own()
    {
        var infra = await CompiledInfra.LoadAsync();

        Assert.Equal(3, infra.Apps.Select(app => app.IdentityDeployment).Distinct().Count());
        Assert.All(infra.Apps, app => Assert.Single(infra.Deployment(app.IdentityDeployment).ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities")));
    }

    /// <summary>"role @ scope" for every role assignment of the identity module, each checked to go to its identity.</summary>
    private static List<string> RolesHeldBy(ArmDeployment identityModule)
    {
        var identity = identityModule.ResourcesOfType("Microsoft.ManagedIdentity/userAssignedIdentities").Single();
        var roles = new List<string>();
        foreach (var assignment in identityModule.ResourcesOfType("Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment.Properties!;
            Assert.Contains($"reference('{identity.SymbolicName}')", (string)properties["principalId"]!, StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", (string?)properties["principalType"]);

            var scope = ScopeOf(identityModule, assignment);
            var roleIds = BuiltInRoles.Where(role => identityModule.Expand((string)properties["roleDefinitionId"]!).Contains(role.Value, StringComparison.OrdinalIgnoreCase));
            roles.AddRange(roleIds.Select(role => $"{role.Key} @ {scope}"));
        }

        return roles;
    }

    private static string ScopeOf(ArmDeployment module, ArmResource assignment)
    {
        if (assignment.Body["scope"] is not { } scope)
        {
            return ResourceGroup;
        }

        var text = (string)scope!;
        if (!text.Contains("'Microsoft.Storage/storageAccounts'", StringComparison.Ordinal))
        {
            return text.Split('\'')[1];
        }

        // Which account: follow the name to main.bicep, where the host account is 'sthost…' and the data one 'stdata…'.
        var name = module.Expand(text);
        return name.Contains("sthost", StringComparison.Ordinal) ? HostStorage
            : name.Contains("stdata", StringComparison.Ordinal) ? DataStorage
            : throw new InvalidOperationException($"Unknown storage account in {text}");
    }
}
