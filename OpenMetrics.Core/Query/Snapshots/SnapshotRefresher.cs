using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>
/// What the snapshot timers do (Functions.Aggregate, and the local host's timer runner): compute every saved funnel
/// and retention and keep the answer as its snapshot. The frequent run takes only definitions whose numbers can still
/// move (<see cref="ISnapshotAnalysis.IsRecent"/>: the range, with its window or return periods, reaches into the last
/// day); the nightly run takes all of them, since late events and identity merges change old numbers too, and
/// clears expired ad-hoc answers. One definition that fails (its saved segment was deleted, say) is logged and skipped.
/// </summary>
public sealed partial class SnapshotRefresher(
    IEnumerable<ISnapshotAnalysis> analyses, ISavedItems saved, SnapshotAnswers answers, ISnapshotStore store, SnapshotOptions options,
    TimeProvider clock, ILogger<SnapshotRefresher> logger)
{
    /// <returns>How many snapshots were written.</returns>
    public Task<int> RefreshRecentAsync(CancellationToken cancellationToken) => RefreshAsync(recentOnly: true, cancellationToken);

    /// <returns>How many snapshots were written.</returns>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        var written = await RefreshAsync(recentOnly: false, cancellationToken);
        var removed = await store.DeleteAdhocBeforeAsync(clock.GetUtcNow() - TimeSpan.FromHours(options.AdhocKeepHours), cancellationToken);
        AdhocRemoved(logger, removed);
        return written;
    }

    private async Task<int> RefreshAsync(bool recentOnly, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var analysis in analyses)
        {
            foreach (var item in await saved.ListAsync(analysis.Kind, cancellationToken))
            {
                var id = (string?)item["id"] ?? "";
                try
                {
                    using var definition = System.Text.Json.JsonDocument.Parse(item.ToJsonString());
                    if (recentOnly && !analysis.IsRecent(definition.RootElement, clock.GetUtcNow()))
                    {
                        continue;
                    }

                    await answers.RefreshAsync(analysis, id, item, cancellationToken);
                    written++;
                    Refreshed(logger, analysis.Kind.Name, id);
                }
                catch (QueryException exception)
                {
                    DefinitionFailed(logger, analysis.Kind.Name, id, exception.Message);
                }
            }
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot of {Kind} {Id} written")]
    private static partial void Refreshed(ILogger logger, string kind, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved {Kind} {Id} could not be computed: {Reason}")]
    private static partial void DefinitionFailed(ILogger logger, string kind, string id, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} expired ad-hoc answers removed")]
    private static partial void AdhocRemoved(ILogger logger, int count);
}
