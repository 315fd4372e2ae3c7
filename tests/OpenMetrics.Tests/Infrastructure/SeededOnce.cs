namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// A hand-made dataset logged once per local host through the v1 routes: the first test class that asks seeds it,
/// the others of the collection find it there. A new host (a new test run of the collection) is seeded again.
/// </summary>
public sealed class SeededOnce(Func<QueryHostFixture, Task> seed)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalHostFixture? _seeded;

    public async Task EnsureAsync(QueryHostFixture host)
    {
        await _gate.WaitAsync();
        try
        {
            if (!ReferenceEquals(_seeded, host))
            {
                await seed(host);
                _seeded = host;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
