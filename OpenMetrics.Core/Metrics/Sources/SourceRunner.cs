using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>
/// Runs metric sources: the timer's due ones (<see cref="RunDueAsync"/>), one now (<c>POST /api/sources/{id}/run</c>),
/// or one as a preview that writes nothing (<c>/test</c>). A run first claims the source by replacing its state at the
/// version it read (so a second timer run at the same moment skips it), pulls its window, writes the points, and
/// records the outcome. A failing source records its error in plain words and never stops the others.
/// </summary>
public sealed partial class SourceRunner(
    ISourceStore store, ISourcePuller puller, IMetricPointWriter writer, IConfiguration configuration, TimeProvider clock, ILogger<SourceRunner> logger)
{
    /// <summary>A claim older than this is a run that died (an instance recycled mid-run): the source may run again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>The timer's work: seeds the premade sources, then runs every source that is due, one after another.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var premade in PremadeSources.From(configuration, now))
        {
            await store.AddIfMissingAsync(premade, now, cancellationToken);
        }

        foreach (var source in await store.ListAsync(cancellationToken))
        {
            if (!IsDue(source, now))
            {
                continue;
            }

            try
            {
                await RunAsync(source, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Storage trouble while claiming or recording: the source is due again at the next tick.
                LogRunFailed(logger, exception, source.Definition.Id);
            }
        }
    }

    public static bool IsDue(StoredSource source, DateTimeOffset now) =>
        source.Definition.Kind != SourceKind.Push
        && (source.State.NextDueAt is not { } due || due <= now)
        && !IsHeld(source.State, now);

    /// <summary>Runs the source now, due or not, unless another run holds it.</summary>
    public async Task<SourceRun> RunAsync(StoredSource source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (IsHeld(source.State, now))
        {
            return new SourceRun(false, 0, null, source.State);
        }

        var schedule = CronSchedule.Parse(source.Definition.Schedule);
        var claimed = await store.TryUpdateStateAsync(source, source.State with { RunningSince = now, NextDueAt = schedule.Next(now) }, cancellationToken);
        if (claimed is null)
        {
            return new SourceRun(false, 0, null, source.State);
        }

        var state = claimed.State;
        SourceState finished;
        try
        {
            var window = SourceWindow.For(claimed.Definition, state, now);
            var pulled = await puller.PullAsync(claimed.Definition, window.From, window.To, cancellationToken);
            var problems = pulled.Select(MetricPointLimits.Check).Where(problem => problem is not null).ToList();
            var points = problems.Count == 0 ? pulled : [.. pulled.Where(point => MetricPointLimits.Check(point) is null)];
            var written = points.Count == 0 ? 0 : await writer.WriteAsync(points, cancellationToken);
            var newest = points.Count == 0 ? state.LastPointAt : Max(state.LastPointAt, points.Max(point => point.T));
            finished = state with
            {
                LastRunAt = clock.GetUtcNow(),
                LastError = problems.Count == 0 ? null : $"{problems.Count} of {pulled.Count} points could not be stored; the first: {problems[0]!.Field}: {problems[0]!.Error}.",
                PointsWritten = written,
                TotalPointsWritten = state.TotalPointsWritten + written, LastPointAt = newest, RunningSince = null,
            };
        }
        catch (SourcePullException exception)
        {
            finished = Failed(state, exception.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(logger, exception, claimed.Definition.Id);
            finished = Failed(state, $"The run failed: {exception.Message}");
        }

        await store.SaveStateAsync(claimed.Definition.Id, finished, CancellationToken.None);
        return new SourceRun(true, finished.PointsWritten, finished.LastError, finished);
    }

    /// <summary>What a run would write now, without writing it or changing the source's state.</summary>
    /// <exception cref="SourcePullException">The pull failed.</exception>
    public Task<IReadOnlyList<MetricPoint>> PreviewAsync(StoredSource source, CancellationToken cancellationToken)
    {
        var window = SourceWindow.For(source.Definition, source.State, clock.GetUtcNow());
        return puller.PullAsync(source.Definition, window.From, window.To, cancellationToken);
    }

    private SourceState Failed(SourceState state, string error) =>
        state with { LastRunAt = clock.GetUtcNow(), LastError = error, PointsWritten = 0, RunningSince = null };

    private static bool IsHeld(SourceState state, DateTimeOffset now) => state.RunningSince is { } since && since + Lease > now;

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric source {Id} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string id);
}
