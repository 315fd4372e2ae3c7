using System.Reflection;
using OpenMetrics.Apps.Hosting;
using OpenMetrics.Core.Time;
using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Core.Architecture;

/// <summary>
/// The three libraries depend one way (docs/architecture.md, "Assemblies"): the domain (<c>OpenMetrics.Core</c>) on
/// neither the Azure SDK nor ASP.NET, the storage (<c>OpenMetrics.Storage</c>) on the domain and the Azure SDK only, and
/// what the apps run (<c>OpenMetrics.Apps</c>) on both. The project references enforce it when building; this test
/// says it in one place and catches a reference that comes in through a package.
/// </summary>
public sealed class AssemblyLayersTests
{
    private static readonly Assembly Domain = typeof(UtcBuckets).Assembly;
    private static readonly Assembly Storage = typeof(StorageAccount).Assembly;
    private static readonly Assembly Apps = typeof(QueryServices).Assembly;

    [Fact]
    public void The_domain_uses_neither_the_Azure_SDK_nor_ASP_NET_nor_the_other_libraries() =>
        Assert.DoesNotContain(References(Domain), name =>
            name.StartsWith("Azure.", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name is "OpenMetrics.Storage" or "OpenMetrics.Apps");

    [Fact]
    public void The_storage_uses_the_domain_and_the_Azure_SDK_but_not_ASP_NET_or_the_apps()
    {
        var references = References(Storage);
        Assert.Contains("OpenMetrics.Core", references);
        Assert.Contains("Azure.Data.Tables", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name == "OpenMetrics.Apps");
    }

    [Fact]
    public void The_apps_put_the_storage_behind_the_domain()
    {
        var references = References(Apps);
        Assert.Contains("OpenMetrics.Core", references);
        Assert.Contains("OpenMetrics.Storage", references);
    }

    [Fact]
    public void Each_library_holds_only_its_own_namespaces()
    {
        Assert.All(Domain.GetTypes().Where(IsOurs), type => Assert.StartsWith("OpenMetrics.Core", type.Namespace, StringComparison.Ordinal));
        Assert.All(Storage.GetTypes().Where(IsOurs), type => Assert.StartsWith("OpenMetrics.Storage", type.Namespace, StringComparison.Ordinal));
        Assert.All(Apps.GetTypes().Where(IsOurs), type => Assert.StartsWith("OpenMetrics.Apps", type.Namespace, StringComparison.Ordinal));
    }

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(name => name.Name ?? "").ToList();

    /// <summary>Our own types; the compiler's generated ones (regex, JSON, logging) carry no or a System namespace.</summary>
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("OpenMetrics", StringComparison.Ordinal) == true;
}
