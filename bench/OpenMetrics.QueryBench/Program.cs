using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenMetrics.LocalHost;
using OpenMetrics.QueryBench;
using OpenMetrics.Storage;

// Usage: dotnet run -c Release --project bench/OpenMetrics.QueryBench -- [events, default 1000000] [users, default 10000] [runs, default 30] [events per session, default 10]
// Starts its own Azurite (in memory, free ports), seeds 90 days of events ending yesterday through the bulk path, logs
// one more hour of events through the real pipeline, then times the query API of a local host in this process.
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
var eventsPerSession = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
const int Days = 90;
const int EventNames = 20;

await using var azurite = await AzuriteProcess.StartAsync(AzuritePorts.Free(), dataFolder: null);
var storage = StorageAccount.FromConnectionString(azurite.ConnectionString);
var today = DateTime.UtcNow.Date;
var from = today.AddDays(-Days);

var seedWatch = Stopwatch.StartNew();
var truth = new Dictionary<string, long>();
var seeded = await new BulkSeeder(storage.Tables()).SeedAsync(Count(SyntheticData.Generate(events, users, EventNames, from, Days, eventsPerSession)), CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {seeded:N0} events ({users:N0} users, {EventNames} names, {Days} days) in {seedWatch.Elapsed.TotalSeconds:N0} s"));

var options = new LocalHostOptions { Port = AzuritePorts.FreePort(), StorageConnectionString = azurite.ConnectionString, StartAzurite = false, RunTimers = false };
await using var host = LocalHostApp.Build(options, ["--Logging:LogLevel:Default=Warning"]);
await host.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{options.Port}"), Timeout = TimeSpan.FromMinutes(10) };
http.DefaultRequestHeaders.Add("x-openmetrics-key", options.QueryKey);

// The last hour through the real pipeline, so that live reads what aggregation wrote: 60 calls of 10 events.
var random = new Random(7);
for (var call = 0; call < 60; call++)
{
    var batch = Enumerable.Range(0, 10).Select(i => new
    {
        name = SyntheticData.EventName(random.Next(EventNames)),
        ts = DateTimeOffset.UtcNow.AddMinutes(-random.Next(0, 55)).ToString("O"),
        props = new { country = SyntheticData.Countries[random.Next(8)] },
    });
    using var sent = await http.PostAsync("/v1/events", Json(new { sessionId = $"live-{call % 12}", events = batch }));
}

var queue = storage.Queues().GetQueueClient(StorageNames.IngestQueue);
while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
{
    await Task.Delay(200);
}

var trend = new
{
    series = Enumerable.Range(0, 5).Select(rank => new { @event = SyntheticData.EventName(rank) }),
    measure = "count",
    interval = "day",
    from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    tz = "UTC",
    breakdown = new { prop = "country", on = "event", limit = 10 },
};
var trendJson = JsonSerializer.Serialize(trend);
string WithSource(string source) => trendJson[..^1] + $",\"source\":\"{source}\"}}";
string InZone(string zone) => trendJson.Replace("\"tz\":\"UTC\"", $"\"tz\":\"{zone}\"", StringComparison.Ordinal);

// Warm up every path once (JIT, connection pools, Azurite's own warm-up).
foreach (var body in new[] { trendJson, InZone("America/New_York"), InZone("Asia/Kolkata") })
{
    using var warm = await http.PostAsync("/api/query/trends", Json(body));
    if (!warm.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{(int)warm.StatusCode}: {await warm.Content.ReadAsStringAsync()}");
    }
}

var preaggregate = await Timings.MeasureAsync(runs, () => http.PostAsync("/api/query/trends", Json(trendJson)));
var newYork = await Timings.MeasureAsync(runs, () => http.PostAsync("/api/query/trends", Json(InZone("America/New_York"))));
var kolkata = await Timings.MeasureAsync(Math.Max(3, runs / 5), () => http.PostAsync("/api/query/trends", Json(InZone("Asia/Kolkata"))));
var raw = await Timings.MeasureAsync(3, () => http.PostAsync("/api/query/trends", Json(WithSource("raw"))));

// Same answer both ways: compare the totals of every line.
var fromPre = await TotalsAsync(trendJson);
var fromRaw = await TotalsAsync(WithSource("raw"));
var agree = fromPre.Count == fromRaw.Count && fromPre.All(pair => fromRaw.TryGetValue(pair.Key, out var other) && other == pair.Value && truth.GetValueOrDefault(pair.Key) == pair.Value);
foreach (var (label, total) in fromPre.Where(pair => !fromRaw.TryGetValue(pair.Key, out var other) || other != pair.Value || truth.GetValueOrDefault(pair.Key) != pair.Value))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"differs: {label}: pre-aggregates {total}, raw {fromRaw.GetValueOrDefault(label)}, generated {truth.GetValueOrDefault(label)}"));
}

// Funnel and retention on demand over the same 90 days: a 5-step funnel and a 30-day daily retention, computed from the
// raw events every run ("fresh"), with the process's peak working set while they run.
var funnelJson = JsonSerializer.Serialize(new
{
    steps = Enumerable.Range(0, 5).Select(rank => new { @event = SyntheticData.EventName(rank) }),
    window = "P7D",
    from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    fresh = true,
});
var retentionJson = JsonSerializer.Serialize(new
{
    startEvent = SyntheticData.EventName(0),
    returnEvent = (string?)null,
    period = "day",
    periods = 30,
    type = "first",
    from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    to = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    fresh = true,
});
var analysisRuns = Math.Max(3, runs / 10);
var funnelMemory = PeakMemory.Start();
var funnel = await Timings.MeasureAsync(analysisRuns, () => http.PostAsync("/api/query/funnel", Json(funnelJson)));
await funnelMemory.DisposeAsync();
var retentionMemory = PeakMemory.Start();
var retention = await Timings.MeasureAsync(analysisRuns, () => http.PostAsync("/api/query/retention", Json(retentionJson)));
await retentionMemory.DisposeAsync();
var funnelSteps = await FirstNumbersAsync("/api/query/funnel", funnelJson, "steps", "users");
var retentionSizes = await FirstNumbersAsync("/api/query/retention", retentionJson, "cohorts", "size");

var live = await Timings.MeasureAsync(runs, () => http.GetAsync("/api/live"));
var timeline = await Timings.MeasureAsync(runs, () => http.GetAsync($"/api/users/{SyntheticData.UserId(1)}/events?limit=100"));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    Query benchmark: {seeded:N0} events, {users:N0} users, {EventNames} event names, {Days} days; local host + Azurite on this machine
    query                                                   p50 ms     p95 ms   status
    trends 90 days daily, 5 events, breakdown (UTC)       {preaggregate.P50,8:N1}   {preaggregate.P95,8:N1}   {preaggregate.Status}   pre-aggregates (RollupsDaily)
    same in America/New_York (hour rows)                  {newYork.P50,8:N1}   {newYork.P95,8:N1}   {newYork.Status}
    same in Asia/Kolkata (hours + boundary minutes)       {kolkata.P50,8:N1}   {kolkata.P95,8:N1}   {kolkata.Status}
    same from the raw events (baseline)                   {raw.P50,8:N1}   {raw.P95,8:N1}   {raw.Status}   ratio raw / pre-aggregates p50: {raw.P50 / preaggregate.P50:N0}x
    live                                                  {live.P50,8:N1}   {live.P95,8:N1}   {live.Status}
    timeline page (100 events)                            {timeline.P50,8:N1}   {timeline.P95,8:N1}   {timeline.Status}
    funnel, 5 steps, 90 days, on demand (raw events)      {funnel.P50,8:N1}   {funnel.P95,8:N1}   {funnel.Status}   ratio to the raw trend scan p50: {funnel.P50 / raw.P50:N2}x; users per step {funnelSteps}
    retention, 30 daily periods, 90 days read, on demand  {retention.P50,8:N1}   {retention.P95,8:N1}   {retention.Status}   ratio to the raw trend scan p50: {retention.P50 / raw.P50:N2}x; first cohort sizes {retentionSizes}
    peak working set: funnel {funnelMemory.PeakBytes / 1048576.0:N0} MiB, retention {retentionMemory.PeakBytes / 1048576.0:N0} MiB (baseline before each: {funnelMemory.BaselineBytes / 1048576.0:N0} and {retentionMemory.BaselineBytes / 1048576.0:N0} MiB; the whole process: local host, its caches and the seeding's leftovers)
    pre-aggregate, raw and generated totals agree: {agree} ({fromPre.Count} lines)
    """));
return agree ? 0 : 1;

async Task<Dictionary<string, double>> TotalsAsync(string body)
{
    using var response = await http.PostAsync("/api/query/trends", Json(body));
    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return document.RootElement.GetProperty("series").EnumerateArray()
        .ToDictionary(line => line.GetProperty("label").GetString()!, line => line.GetProperty("total").GetDouble());
}

async Task<string> FirstNumbersAsync(string route, string body, string list, string field)
{
    using var response = await http.PostAsync(route, Json(body));
    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return string.Join(", ", document.RootElement.GetProperty(list).EnumerateArray().Take(5).Select(item => item.GetProperty(field).GetInt32().ToString("N0", CultureInfo.InvariantCulture)));
}

IEnumerable<SyntheticSession> Count(IEnumerable<SyntheticSession> sessions)
{
    // The expected totals, counted straight from the generated events: what both query paths must answer.
    foreach (var session in sessions)
    {
        foreach (var e in session.Events.Where(e => e.Ts < today && string.CompareOrdinal(e.Name, SyntheticData.EventName(5)) < 0))
        {
            var label = $"{e.Name} · {e.Props!.Value.GetProperty("country").GetString()}";
            truth[label] = truth.GetValueOrDefault(label) + 1;
        }

        yield return session;
    }
}

static StringContent Json(object body) => new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
