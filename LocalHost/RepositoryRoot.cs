namespace OpenMetrics.LocalHost;

/// <summary>Finds the repository's root (the folder with OpenMetrics.sln) from the running binaries or the working folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "OpenMetrics.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("OpenMetrics.sln was not found above the local host's folder or the working folder.");
    }
}
