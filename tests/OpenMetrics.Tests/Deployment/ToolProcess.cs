using System.Diagnostics;

namespace OpenMetrics.Tests.Deployment;

/// <summary>The outcome of a command-line tool the infra tests run: its exit code and everything it printed.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Errors)
{
    public string All => (Output + Errors).Trim();
}

/// <summary>Runs a command-line tool to completion, reading both streams so that neither can fill up and stall it.</summary>
public static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside `dotnet test`, whose MSBuild variables would point a nested `dotnet publish` at
        // the test run's own MSBuild instead of letting it find its SDK.
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        using var cancellation = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var errors = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} ran longer than {timeout}.");
        }

        return new ToolResult(process.ExitCode, await output, await errors);
    }
}
