namespace OpenMetrics.Core.Functions;

/// <summary>Routes of the ingest app that serve client libraries rather than take calls.</summary>
public static class ClientRoutes
{
    /// <summary>The browser client, at the path the original server served it from, so existing script tags keep working.</summary>
    public const string BrowserScript = "apis/javascript/client.js";
}
