namespace OpenMetrics.Core.Functions;

/// <summary>
/// Timer schedules in NCRONTAB form (second minute hour day month day-of-week), as the Functions timer trigger reads
/// them. Constants rather than <c>%Setting%</c> expressions: an app setting missing in Azure would keep the function
/// from starting, and the local host would have to resolve the same setting the same way.
/// </summary>
public static class Schedules
{
    /// <summary>Every minute, on the minute: live figures stay a minute behind at most.</summary>
    public const string Compaction = "0 */1 * * * *";
}
