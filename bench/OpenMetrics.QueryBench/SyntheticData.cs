using System.Globalization;
using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.QueryBench;

/// <summary>One session of the synthetic dataset: its user and its events in time order.</summary>
public sealed record SyntheticSession(string SessionId, string UserId, List<IngestEvent> Events);

/// <summary>
/// A deterministic dataset shaped like a product's: users with a country and a plan, sessions of about ten events a
/// few minutes apart, event names whose popularity falls off like 1/rank, each event with a path and a country.
/// </summary>
public static class SyntheticData
{
    public static readonly string[] Countries = ["NL", "US", "DE", "FR", "IN", "BR", "JP", "GB"];
    public static readonly string[] Plans = ["free", "pro", "team", "enterprise"];

    public static string EventName(int rank) => "e" + rank.ToString("D2", CultureInfo.InvariantCulture);

    public static string UserId(int user) => "user-" + user.ToString("D5", CultureInfo.InvariantCulture);

    public static string CountryOf(int user) => Countries[user % Countries.Length];

    public static IEnumerable<SyntheticSession> Generate(int events, int users, int eventNames, DateTime from, int days, int eventsPerSession = 10)
    {
        var random = new Random(42);
        var weights = Enumerable.Range(0, eventNames).Select(rank => 1.0 / (rank + 1)).ToArray();
        var cumulative = new double[eventNames];
        var sum = 0.0;
        for (var i = 0; i < eventNames; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        var sessions = events / eventsPerSession;
        for (var s = 0; s < sessions; s++)
        {
            var user = s % users;
            var start = from.AddSeconds(random.NextDouble() * days * 86_400);
            var list = new List<IngestEvent>(eventsPerSession);
            var at = start;
            for (var e = 0; e < eventsPerSession; e++)
            {
                var pick = random.NextDouble() * sum;
                var rank = Array.FindIndex(cumulative, c => c >= pick);
                var props = JsonSerializer.SerializeToElement(new Dictionary<string, object>
                {
                    ["country"] = CountryOf(user),
                    ["path"] = "/p" + random.Next(10).ToString(CultureInfo.InvariantCulture),
                    ["price"] = random.Next(1, 100),
                });
                list.Add(new IngestEvent($"seed-{s}-{e}", EventName(rank), new DateTimeOffset(at, TimeSpan.Zero), e, props, Active: true));
                at = at.AddSeconds(random.Next(5, 300));
            }

            yield return new SyntheticSession("sess-" + s.ToString("D6", CultureInfo.InvariantCulture), UserId(user), list);
        }
    }
}
