using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using OpenMetrics.Apps.Functions;
using OpenMetrics.Core.Functions;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Core.Functions;

/// <summary>
/// Adding a function is one catalog entry plus its class (docs/adding-a-function.md): these hold the [Function]
/// attributes compiled into the three Functions assemblies to <see cref="FunctionCatalog"/>, both ways, so that a
/// function the local host would not serve (or a catalog entry Azure would not run) fails the build's tests.
/// </summary>
public sealed class FunctionCatalogTests
{
    public static TheoryData<string> Apps => new() { "Functions.Ingest", "Functions.Aggregate", "Functions.Query" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_Function_attribute_of_an_app_is_a_catalog_entry_of_that_app_and_back(string app)
    {
        var declared = DeclaredFunctionNames(app);
        var catalog = CatalogNames().Where(entry => $"Functions.{entry.App}" == app).Select(entry => entry.Name).Order(StringComparer.Ordinal);

        Assert.Equal(catalog, declared);
    }

    [Fact]
    public void Function_names_are_unique_across_the_apps()
    {
        var names = CatalogNames().Select(entry => entry.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_name_constant_is_used_by_exactly_one_catalog_entry()
    {
        var constants = typeof(FunctionNames).GetFields().Select(field => (string)field.GetRawConstantValue()!).Order(StringComparer.Ordinal);

        Assert.Equal(constants, CatalogNames().Select(entry => entry.Name).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Name, FunctionApp App)> CatalogNames() =>
        FunctionCatalog.Http.Select(f => (f.Name, f.App))
            .Concat(FunctionCatalog.Queues.Select(f => (f.Name, f.App)))
            .Concat(FunctionCatalog.Timers.Select(f => (f.Name, f.App)));

    /// <summary>
    /// The names in the app's <c>[Function(name)]</c> attributes, read from its compiled assembly's metadata (the
    /// Functions assemblies are not loaded into the tests: they are built beside them).
    /// </summary>
    private static List<string> DeclaredFunctionNames(string app)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), app, "bin", configuration, "net10.0", app + ".dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in reader.MethodDefinitions)
        {
            foreach (var attributeHandle in reader.GetMethodDefinition(handle).GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(attributeHandle);
                if (AttributeTypeName(reader, attribute) == "Microsoft.Azure.Functions.Worker.FunctionAttribute")
                {
                    var value = reader.GetBlobReader(attribute.Value);
                    value.ReadUInt16(); // the prolog
                    names.Add(value.ReadSerializedString()!);
                }
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static string? AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return null;
        }

        var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
        {
            return null;
        }

        var type = reader.GetTypeReference((TypeReferenceHandle)parent);
        return reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
    }
}
