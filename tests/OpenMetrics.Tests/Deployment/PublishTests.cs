namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// `dotnet publish` of each Functions app gives what azd zips and Flex Consumption runs: the worker's metadata,
/// the host's configuration and the app itself, and never the local development settings.
/// </summary>
public sealed class PublishTests
{
    /// <summary>Each app, with the files beyond the common layout that it must ship.</summary>
    public static TheoryData<string, string[]> Apps() => new()
    {
        { "Functions.Ingest", [] },
        { "Functions.Aggregate", [] },
        // The query app serves the dashboard at / from its own folder.
        { "Functions.Query", [Path.Combine("wwwroot", "index.html")] },
    };

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task Publish_gives_the_layout_Azure_Functions_deploys(string project, string[] appFiles)
    {
        var output = Directory.CreateTempSubdirectory($"publish-{project}-");
        try
        {
            var result = await ToolProcess.RunAsync(
                "dotnet",
                ["publish", Path.Combine(InfraPaths.Root, project, $"{project}.csproj"), "-c", "Release", "-o", output.FullName, "--nologo"],
                InfraPaths.Root,
                TimeSpan.FromMinutes(5));

            Assert.True(result.ExitCode == 0, result.All);
            foreach (var file in new[] { "functions.metadata", "worker.config.json", "host.json", $"{project}.dll" }.Concat(appFiles))
            {
                Assert.True(File.Exists(Path.Combine(output.FullName, file)), $"{project} publish lacks {file}");
            }

            Assert.False(File.Exists(Path.Combine(output.FullName, "local.settings.json")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
