namespace OpenMetrics.LocalHost;

/// <summary>Decides whether the local host has to start Azurite itself.</summary>
public static class LocalStorage
{
    /// <summary>
    /// Starts Azurite on its default ports, keeping data under .azurite/ in the repository, when the storage is
    /// Azurite's default and nothing answers there. Returns null when storage is already there or not Azurite.
    /// </summary>
    public static async Task<AzuriteProcess?> EnsureAzuriteAsync(LocalHostOptions options)
    {
        var isDefaultAzurite = options.StorageConnectionString == AzuriteProcess.DevelopmentStorage;
        if (!options.StartAzurite || !isDefaultAzurite || AzuriteProcess.IsListening(AzuritePorts.Default))
        {
            return null;
        }

        var dataFolder = Path.Combine(RepositoryRoot.Find(), ".azurite");
        Directory.CreateDirectory(dataFolder);
        return await AzuriteProcess.StartAsync(AzuritePorts.Default, dataFolder);
    }
}
