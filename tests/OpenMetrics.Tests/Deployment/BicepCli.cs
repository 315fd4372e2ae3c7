using System.Reflection;

namespace OpenMetrics.Tests.Deployment;

/// <summary>
/// The real Bicep CLI, from the NuGet package Azure.Bicep.CommandLine.linux-x64 that the test project's restore
/// downloads (Directory.Packages.props holds its version); the build records where the package put the binary.
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static Task<ToolResult> RunAsync(params string[] arguments) =>
        ToolProcess.RunAsync(Executable.Value, arguments, InfraPaths.Infra, TimeSpan.FromMinutes(2));

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepCli").Value;
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at '{path}'; restore the test project to download it.");
        }

        // The package ships a Linux binary; NuGet may extract it without its execute bit, which its owner can add.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
