using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Privacy;

namespace OpenMetrics.Storage.Privacy;

/// <summary>
/// The data retention timer's work (Functions.Aggregate <c>ApplyDataRetention</c>, and the local host's timer runner):
/// first finish every user deletion that stopped half-way, then, when <see cref="RetentionSettings.RawEventDays"/> is
/// set, delete the raw events and sessions older than that.
/// </summary>
public sealed partial class DataRetention(DeletionMarks marks, UserDeletion deletion, RawEventExpiry expiry, RetentionSettings settings, ILogger<DataRetention> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var unfinished in marks.ReadUnfinishedAsync(cancellationToken))
        {
            await deletion.FinishAsync(unfinished, cancellationToken);
            LogDeletionFinished(logger, unfinished.Sessions.Count);
        }

        if (settings.RawEventDays > 0)
        {
            var cutoffHour = expiry.CutoffHour(settings.RawEventDays);
            await expiry.DeleteOlderThanAsync(settings.RawEventDays, cancellationToken);
            LogExpired(logger, settings.RawEventDays, cutoffHour);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished a user deletion left half-way ({Sessions} sessions)")]
    private static partial void LogDeletionFinished(ILogger logger, int sessions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted raw events and sessions older than {Days} days (before {CutoffHour:u})")]
    private static partial void LogExpired(ILogger logger, int days, DateTimeOffset cutoffHour);
}
