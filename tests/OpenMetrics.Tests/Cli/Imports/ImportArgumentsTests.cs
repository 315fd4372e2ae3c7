using OpenMetrics.Cli.Imports;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Tests.Cli.Imports;

public sealed class ImportArgumentsTests : IDisposable
{
    private readonly ImportFilesOnDisk files = new();

    [Fact]
    public void Reads_the_import_command()
    {
        var file = files.Write("a.ndjson", "{}\n");

        var (options, error) = ImportArguments.Parse(["import", file, "--format", "Mixpanel", "--url", "http://localhost:7071", "--key", "K", "--part-mb", "8"], null);

        Assert.Null(error);
        Assert.Equal((file, ImportFormat.Mixpanel, "K"), (options!.File, options.Format, options.Key));
        Assert.Equal(8L * 1024 * 1024, options.PartBytes); // 8 MB = 8,388,608 bytes
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
    }

    [Fact]
    public void The_key_may_come_from_the_environment()
    {
        var (options, _) = ImportArguments.Parse(["import", files.Write("a.csv", "a,b\n"), "--format", "posthog", "--url", "https://x.example"], "FROM-ENV");

        Assert.Equal("FROM-ENV", options!.Key);
        Assert.Equal(32L * 1024 * 1024, options.PartBytes); // the default, 32 MB
    }

    [Theory]
    [InlineData(new[] { "export" }, "unknown command \"export\"")]
    [InlineData(new[] { "import", "--format", "mixpanel" }, "no FILE given")]
    [InlineData(new[] { "import", "FILE", "--format", "segment", "--url", "http://x", "--key", "K" }, "--format must be openmetrics, mixpanel, amplitude or posthog, not \"segment\"")]
    [InlineData(new[] { "import", "FILE", "--format", "mixpanel", "--url", "ftp://x", "--key", "K" }, "--url must be an http or https address, not \"ftp://x\"")]
    [InlineData(new[] { "import", "FILE", "--format", "mixpanel", "--url", "http://x" }, "--key is missing (or set OPENMETRICS_QUERY_KEY)")]
    [InlineData(new[] { "import", "FILE", "--format", "mixpanel", "--url", "http://x", "--key", "K", "--part-mb", "200" }, "--part-mb must be a whole number from 1 to 95 (a request body may not exceed 100 MB)")]
    [InlineData(new[] { "import", "FILE", "--format" }, "--format needs a value")]
    public void Says_what_is_wrong(string[] args, string message)
    {
        var file = files.Write("a.ndjson", "{}\n");

        var (options, error) = ImportArguments.Parse([.. args.Select(a => a == "FILE" ? file : a)], null);

        Assert.Null(options);
        Assert.Equal(message, error);
    }

    public void Dispose() => files.Dispose();
}
