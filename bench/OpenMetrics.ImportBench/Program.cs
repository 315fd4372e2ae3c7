using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Azure.Storage.Queues;
using OpenMetrics.Apps.Query.Access;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

// Usage: dotnet run -c Release --project bench/OpenMetrics.ImportBench -- [events, default 20000] [users, default 500]
// Starts its own Azurite (in memory, free ports) and the local host with its queue pollers, then measures, one after
// the other on the same host: the live path (POST /v1/events calls of 20 events from 8 clients, until the ingest queue
// is drained) and an import of the same number of events (one POST /api/imports of an NDJSON Mixpanel file, until the
// imports queue is drained). Both figures run from the first byte sent to the last figure written.
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
const int EventsPerCall = 20;
const int Clients = 8;

await using var azurite = await AzuriteProcess.StartAsync(AzuritePorts.Free(), dataFolder: null);
var options = new LocalHostOptions { Port = AzuritePorts.FreePort(), StorageConnectionString = azurite.ConnectionString, StartAzurite = false };
await using var host = LocalHostApp.Build(options, ["--Logging:LogLevel:Default=Warning"]);
await host.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{options.Port}"), Timeout = TimeSpan.FromMinutes(10) };
http.DefaultRequestHeaders.Add(QueryKey.Header, options.QueryKey);
var storage = StorageAccount.FromConnectionString(azurite.ConnectionString);
var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

// Warm up both paths (queues, tables, JIT) outside the measured windows.
await LiveAsync(http, "warm", 200, users, start);
await DrainAsync(storage.Queues().GetQueueClient(StorageNames.IngestQueue));
await ImportAsync(http, "warm", 200, users, start);
await DrainAsync(storage.Queues().GetQueueClient(StorageNames.ImportsQueue));

var watch = Stopwatch.StartNew();
await LiveAsync(http, "live", total, users, start);
await DrainAsync(storage.Queues().GetQueueClient(StorageNames.IngestQueue));
var live = watch.Elapsed;

watch.Restart();
var uploaded = await ImportAsync(http, "import", total, users, start);
var upload = watch.Elapsed;
await DrainAsync(storage.Queues().GetQueueClient(StorageNames.ImportsQueue));
var imported = watch.Elapsed;

var liveRate = total / live.TotalSeconds;
var importRate = total / imported.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    {total:N0} events of {users:N0} users, over 14 days of January 2025; {Environment.ProcessorCount} cores
    Live path, POST /v1/events ({EventsPerCall} a call, {Clients} clients) to final figures  {liveRate,10:N0} events/s   ({live.TotalSeconds:N1} s)
    Import, POST /api/imports (one {uploaded / 1024.0 / 1024:N1} MiB NDJSON file) to final figures {importRate,10:N0} rows/s     ({imported.TotalSeconds:N1} s, upload {upload.TotalSeconds:N1} s)
    Ratio import / live                                                          {importRate / liveRate,10:N2}
    """));

static string Line(string run, int i, int users, DateTimeOffset start) =>
    string.Create(CultureInfo.InvariantCulture, $$$"""{"event":"{{{run}}}-{{{(i % 3 == 0 ? "buy" : "view")}}}","properties":{"time":{{{start.AddSeconds(i * 60L).ToUnixTimeSeconds()}}},"distinct_id":"{{{run}}}-u{{{i % users}}}","$insert_id":"{{{run}}}-{{{i}}}","page":"/p{{{i % 7}}}"}}""");

static async Task LiveAsync(HttpClient http, string run, int total, int users, DateTimeOffset start)
{
    var calls = Enumerable.Range(0, (total + EventsPerCall - 1) / EventsPerCall);
    await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (call, token) =>
    {
        // A call is one user's session: the same users and times as the import's rows.
        var user = call % users;
        var events = Enumerable.Range(call * EventsPerCall, EventsPerCall).Where(i => i < total).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"name":"{{{run}}}-{{{(i % 3 == 0 ? "buy" : "view")}}}","ts":"{{{start.AddSeconds(i * 60L):O}}}","id":"{{{run}}}-{{{i}}}","props":{"page":"/p{{{i % 7}}}"}}"""));
        var body = $$"""{"sessionId":"{{run}}-s{{user}}","events":[{{string.Join(',', events)}}]}""";
        using var response = await http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), token);
        response.EnsureSuccessStatusCode();
    });
}

static async Task<long> ImportAsync(HttpClient http, string run, int total, int users, DateTimeOffset start)
{
    var file = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, total).Select(i => Line(run, i, users, start))) + "\n");
    using var content = new ByteArrayContent(file);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    using var response = await http.PostAsync("/api/imports?format=mixpanel", content);
    response.EnsureSuccessStatusCode();
    return file.Length;
}

static async Task DrainAsync(QueueClient queue)
{
    // The poller deletes a message only after it is processed, so an empty queue means every figure is final.
    await queue.CreateIfNotExistsAsync();
    while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
    {
        await Task.Delay(200);
    }
}
