using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using OpenMetrics.LoadTest;
using OpenMetrics.LocalHost;
using OpenMetrics.Storage;

// Usage: dotnet run -c Release --project bench/OpenMetrics.LoadTest -- [seconds, default 60] [clients, default 8] [calls/s, default 0 = as fast as possible]
// Starts its own Azurite (in memory, free ports) and the local host in this process, measures Azurite's batch-insert
// rate as the baseline, then the pipeline: HTTP call -> queue -> aggregation -> final figures, and prints both, and
// checks that every event answered ok is counted exactly once. OPENMETRICS_PORT picks the local host's port (else a free one).
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var callsPerSecond = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0;

await using var azurite = await AzuriteProcess.StartAsync(AzuritePorts.Free(), dataFolder: null);
var counter = new RequestCounter();
var options = new LocalHostOptions
{
    Port = int.TryParse(Environment.GetEnvironmentVariable("OPENMETRICS_PORT"), out var port) ? port : AzuritePorts.FreePort(),
    StorageConnectionString = azurite.ConnectionString,
    StartAzurite = false,
    StorageClientOptions = new StorageClientOptions { ExtraPolicies = [counter] },
};
// Warnings only: an Information line per request, written to the console, costs the host more than the request.
await using var host = LocalHostApp.Build(options, ["--Logging:LogLevel:Default=Warning"]);
await host.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{options.Port}") };
// The bench's own client (baseline, drain) waits as long as Azurite takes: a baseline of 100 entities a batch on a full
// in-memory Azurite, on a busy machine, can take longer than the host's 10 s per try, and a timeout is no figure.
var storage = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { NetworkTimeout = TimeSpan.FromMinutes(2) });
var queue = storage.Queues().GetQueueClient(StorageNames.IngestQueue);

// The baseline first, on the fresh Azurite, before anything else runs against it: 20,000 entities to warm Azurite up
// (its first requests run unoptimized JavaScript), then 100,000 measured.
await BatchInsertBaseline.EntitiesPerSecondAsync(storage.Tables(), 20_000, clients);
var baseline = await BatchInsertBaseline.EntitiesPerSecondAsync(storage.Tables(), 100_000, clients);

// Warm up: creates queues and tables and JIT-compiles the paths, outside the measured window.
var (warmupCalls, warmupFailures) = await new LoadGenerator(http, 2).RunAsync(TimeSpan.FromSeconds(3), "warmup");
await DrainAsync(queue);

var memory = new List<(TimeSpan At, double WorkingSetMiB, double HeapMiB)>();
counter.Reset();
var watch = Stopwatch.StartNew();
using var sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Max(5, seconds / 10)));
var (calls, failures) = await new LoadGenerator(http, clients, callsPerSecond).RunAsync(TimeSpan.FromSeconds(seconds), "load");
var sent = watch.Elapsed;
await DrainAsync(queue);
var done = watch.Elapsed;
var transactions = counter.Count;
var events = calls * LoadGenerator.EventsPerCall;
var okEvents = (calls - failures + warmupCalls - warmupFailures) * LoadGenerator.EventsPerCall;
var counted = await CountedEvents.TotalAsync(http, options.QueryKey);

var baselineAfter = await BatchInsertBaseline.EntitiesPerSecondAsync(storage.Tables(), 100_000, clients);
var pipelineRate = events / done.TotalSeconds;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    Load: {clients} clients, {seconds} s, {(callsPerSecond > 0 ? $"{callsPerSecond} calls/s" : "unthrottled")}, {calls:N0} calls of {LoadGenerator.EventsPerCall} events ({failures} failed), {events:N0} events
    Accepted (HTTP ok)                      {events / sent.TotalSeconds,10:N0} events/s
    Pipeline, HTTP call to final figures    {pipelineRate,10:N0} events/s   (queue drained after {done.TotalSeconds:N1} s)
    Baseline, Azurite batch inserts         {baseline,10:N0} entities/s   (before the load; after it: {baselineAfter:N0})
    Ratio pipeline / baseline               {pipelineRate / baseline,10:N2}
    Storage transactions                    {transactions,10:N0}  = {transactions / (double)events:N3} per event
    Zero loss: events answered ok (warm-up included) {okEvents:N0}, counted by a trend {counted:N0}: {(okEvents == counted ? "each once" : "MISMATCH")}
    Memory (working set / managed heap), sampled during the run, follows the requests by kind:
    """));
foreach (var (kind, count) in counter.ByKind.OrderByDescending(pair => pair.Value))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count,8:N0}  {count / (double)events,6:N3}/event  {kind}"));
}

foreach (var (at, workingSet, heap) in memory)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {at.TotalSeconds,6:N0} s  {workingSet,7:N1} MiB  {heap,7:N1} MiB"));
}

await host.StopAsync();
return okEvents == counted ? 0 : 1;

// Printed as it is taken too, so that a long soak shows its memory while it runs.
void Sample()
{
    var sample = (watch.Elapsed, Environment.WorkingSet / 1048576.0, GC.GetTotalMemory(false) / 1048576.0);
    lock (memory)
    {
        memory.Add(sample);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory at {sample.Item1.TotalSeconds:N0} s: working set {sample.Item2:N1} MiB, managed heap {sample.Item3:N1} MiB"));
}

static async Task DrainAsync(QueueClient queue)
{
    // The poller deletes a message only after it is processed, so an empty queue means every figure is final.
    while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
    {
        await Task.Delay(200);
    }
}
