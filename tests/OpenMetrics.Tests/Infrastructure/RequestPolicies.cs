using Azure.Core;
using Azure.Core.Pipeline;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// Once armed, lets <c>allowed</c> requests through and fails every later one, as if the process died there: the
/// writes before it landed, the ones after it never did.
/// </summary>
public sealed class CrashAfterPolicy(int allowed) : HttpPipelinePolicy
{
    private int _sent;
    private volatile bool _armed;

    public void Arm() => _armed = true;

    /// <summary>Whether a request came after the allowed ones (and was refused with a crash).</summary>
    public bool Crashed => Volatile.Read(ref _sent) > allowed;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check();
        return ProcessNextAsync(message, pipeline);
    }

    private void Check()
    {
        if (_armed && Interlocked.Increment(ref _sent) > allowed)
        {
            throw new SimulatedCrashException();
        }
    }
}

public sealed class SimulatedCrashException() : Exception("simulated crash");

/// <summary>
/// Crash-and-retry rounds: a round crashes its processing after <c>allowed</c> storage requests and then retries it.
/// <see cref="AtEveryPointAsync"/> runs rounds for 1, 2, 3, ... allowed requests until a round's processing needs no
/// more than it was allowed, so every request of the processing has had a crash before it.
/// </summary>
public static class Crashes
{
    /// <summary>More storage requests than any processing in these tests makes.</summary>
    private const int Ceiling = 1000;

    /// <summary>Runs <paramref name="round"/> (which answers whether its processing crashed) for every crash point; returns the requests the whole processing needed.</summary>
    public static async Task<int> AtEveryPointAsync(Func<int, Task<bool>> round)
    {
        for (var allowed = 1; allowed <= Ceiling; allowed++)
        {
            if (!await round(allowed))
            {
                return allowed;
            }
        }

        throw new InvalidOperationException($"the processing still crashed when allowed {Ceiling} storage requests");
    }

    /// <summary>Runs a piece of processing under <paramref name="crash"/>: true if it crashed, false if it ended first.</summary>
    public static async Task<bool> DuringAsync(CrashAfterPolicy crash, Func<Task> processing)
    {
        crash.Arm();
        try
        {
            await processing();
            return false;
        }
        catch (Exception) when (crash.Crashed)
        {
            return true;
        }
    }
}

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// Storage that stops answering while an outage is on: every request fails as a refused connection would, so the
/// ingest app answers 503 with Retry-After and the queue poller waits, until the outage ends.
/// </summary>
public sealed class StorageOutagePolicy : HttpPipelinePolicy
{
    private volatile bool _down;

    public void Begin() => _down = true;

    public void End() => _down = false;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check();
        return ProcessNextAsync(message, pipeline);
    }

    private void Check()
    {
        if (_down)
        {
            throw new IOException("Connection refused (storage outage in a test)");
        }
    }
}

/// <summary>Once armed, fails the first request that matches, as if the process died just before sending it.</summary>
public sealed class CrashOnPolicy(Func<Request, bool> matches) : HttpPipelinePolicy
{
    private volatile bool _armed;

    public void Arm() => _armed = true;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (_armed && matches(message.Request))
        {
            _armed = false;
            throw new SimulatedCrashException();
        }
    }
}
