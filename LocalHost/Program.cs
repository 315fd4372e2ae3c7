using OpenMetrics.LocalHost;

// The local host: Azurite (started when none answers) plus the three apps' functions on http://localhost:7071.
var options = LocalHostOptions.FromEnvironment();
if (args is [ReplayPoisonCommand.Name, ..])
{
    return await ReplayPoisonCommand.RunAsync(options);
}

if (args is [DiscardPoisonCommand.Name, .. var discardArguments])
{
    return await DiscardPoisonCommand.RunAsync(options, discardArguments);
}

await using var azurite = await LocalStorage.EnsureAzuriteAsync(options);
await using var app = LocalHostApp.Build(options, args);
await app.StartAsync();

var url = $"http://localhost:{options.Port}";
Console.WriteLine($"""
    OpenMetrics local host is running.
      logging API  {url}/v1/ping  (and /v1/events, /v1/createUser, /v1/setUserId, /v1/setUserProps, /v1/setSessionProps)
      browser      {url}/apis/javascript/client.js  (the _om snippet's script)
      dashboard    {url}/?key={Uri.EscapeDataString(options.QueryKey)}
      query API    {url}/api/... with header x-openmetrics-key: {options.QueryKey}{(options.QueryKeyGenerated ? "  (made at start; set OPENMETRICS_QUERY_KEY to keep one)" : "")}
      queues       ingest is processed here; failed messages: {url}/ops/poison (replay: POST {url}/ops/poison/replay; discard one: DELETE {url}/ops/poison/ID?sha256=...)
      storage      {(azurite is null ? "as configured (no Azurite started)" : $"Azurite started by this host ({azurite.Ports})")}
    Press Ctrl+C to stop.
    """);
await app.WaitForShutdownAsync();
return 0;
