namespace OpenMetrics.Tests.Infrastructure;

/// <summary>Waits for something that a background poller does, checking often, up to a generous limit.</summary>
public static class Eventually
{
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not done after {limit.TotalSeconds} s; last seen: {value}");
            }

            await Task.Delay(200);
        }
    }
}
