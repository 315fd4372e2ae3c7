using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.CustomMetrics;

/// <summary>Fixtures for the funnel and retention metric tests.</summary>
internal static class MetricData
{
    /// <summary>One user's events, in one session of theirs: name, time, name, time…</summary>
    public static void AddUser(InMemoryQueryStores stores, string user, params object[] events)
    {
        stores.Identity.SessionOwners["s-" + user] = user;
        for (var index = 0; index < events.Length; index += 2)
        {
            stores.Events.Add("s-" + user, (string)events[index], (DateTimeOffset)events[index + 1], writtenAs: user);
        }
    }
}
