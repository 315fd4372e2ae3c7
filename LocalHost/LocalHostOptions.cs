namespace OpenMetrics.LocalHost;

/// <summary>How the local host runs. Every value has a default, so a fresh clone runs with no configuration.</summary>
public sealed class LocalHostOptions
{
    /// <summary>Azure Functions Core Tools' port, so that clients and docs work the same against either.</summary>
    public const int DefaultPort = 7071;

    public int Port { get; set; } = DefaultPort;

    /// <summary>The data storage: Azurite's well-known development account unless configured.</summary>
    public string StorageConnectionString { get; set; } = AzuriteProcess.DevelopmentStorage;

    /// <summary>Start Azurite from the repository's node_modules when the storage is Azurite and none answers.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Where the dashboard's files are; by default the copy next to the local host's binaries.</summary>
    public string DashboardRoot { get; set; } = Path.Combine(AppContext.BaseDirectory, "dashboard");

    /// <summary>Poll the catalog's queues and run their functions, as the aggregate app does in Azure.</summary>
    public bool RunQueues { get; set; } = true;

    /// <summary>Fire the catalog's timer functions on their schedules.</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>
    /// Replaces every queue function's visibility timeout (the wait before a failed message's next try), so that a
    /// test sees a message through all its tries in seconds. Null keeps the catalog's value, the one host.json has.
    /// </summary>
    public TimeSpan? VisibilityTimeoutOverride { get; set; }

    /// <summary>
    /// How long a received message stays hidden while it runs (2 minutes by default). A message received just as
    /// storage failed, and not settled, comes back only after it: a fault test shortens it so that it drains in seconds.
    /// </summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The clock of every service, the timers' schedules included; the system clock unless set. A test sets a
    /// FakeTimeProvider and moves it to make a timer fire, instead of waiting for the timer.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Registers services before the apps' own (which are added only if missing), for a test that puts its own in
    /// their place: a fake token credential, a transport that trusts its HTTPS server.
    /// </summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Extra storage client settings, such as a request counter for the load benchmark.</summary>
    public OpenMetrics.Storage.StorageClientOptions StorageClientOptions { get; set; } = new();

    /// <summary>
    /// The query key of <c>/api/*</c> (docs/query.md, "Access"): <c>OPENMETRICS_QUERY_KEY</c> when set, otherwise one made at
    /// start, which the host prints inside the dashboard link.
    /// </summary>
    public string QueryKey { get; set; } = OpenMetrics.Apps.Query.Access.QueryKey.Generate().Value;

    /// <summary>Whether <see cref="QueryKey"/> was made at start rather than configured.</summary>
    public bool QueryKeyGenerated { get; private set; } = true;

    /// <summary>Reads the options from the environment: <c>OPENMETRICS_PORT</c>, <c>OpenMetricsStorage</c>.</summary>
    public static LocalHostOptions FromEnvironment()
    {
        var options = new LocalHostOptions();
        if (int.TryParse(Environment.GetEnvironmentVariable("OPENMETRICS_PORT"), out var port))
        {
            options.Port = port;
        }

        if (Environment.GetEnvironmentVariable("OpenMetricsStorage") is { Length: > 0 } storage)
        {
            options.StorageConnectionString = storage;
        }

        if (Environment.GetEnvironmentVariable(OpenMetrics.Apps.Query.Access.QueryKey.Setting) is { Length: > 0 } key)
        {
            options.QueryKey = key;
            options.QueryKeyGenerated = false;
        }

        return options;
    }
}
