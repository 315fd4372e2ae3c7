using System.Diagnostics;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Docs;

/// <summary>The files git tracks in the repository, read as the documentation tests need them.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = RepositoryRoot.Find();

    /// <summary>Every tracked file, as a path relative to the root with forward slashes (what <c>git ls-files</c> prints).</summary>
    public static IReadOnlyList<string> Tracked()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z"])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git did not start.");
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {Root} ({git.ExitCode}): {error}");
        }

        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The README and every page of docs/: the pages a reader follows links through.</summary>
    public static IReadOnlyList<string> Pages() =>
        [.. Tracked().Where(path => path == "README.md" || (path.StartsWith("docs/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal)))];

    public static string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
