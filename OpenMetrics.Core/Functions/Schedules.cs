namespace OpenMetrics.Core.Functions;

/// <summary>
/// Timer schedules in NCRONTAB form (second minute hour day month day-of-week), as the Functions timer trigger reads
/// them. Compaction is a constant: the live figures depend on it. The snapshot schedules are operators' choices, so
/// they are <c>%Setting%</c> expressions: Bicep always deploys the settings (with <see cref="Defaults"/> unless the
/// operator sets parameters), and the local host resolves the same names from its configuration, falling back to the defaults.
/// </summary>
public static class Schedules
{
    /// <summary>Every minute, on the minute: live figures stay a minute behind at most.</summary>
    public const string Compaction = "0 */1 * * * *";

    /// <summary>Every minute: each metric source has its own schedule, and this runs the ones that are due.</summary>
    public const string Sources = "0 */1 * * * *";

    /// <summary>Alerts whose last complete hour or day has not been evaluated yet.</summary>
    public const string Alerts = "%" + AlertsSetting + "%";

    public const string AlertsSetting = "OPENMETRICS_ALERTS_SCHEDULE";

    /// <summary>Snapshots of the saved funnels and retentions whose numbers can still move.</summary>
    public const string SnapshotRecent = "%" + SnapshotRecentSetting + "%";

    /// <summary>Snapshots of every saved funnel and retention, and the clean-up of expired ad-hoc answers.</summary>
    public const string SnapshotFull = "%" + SnapshotFullSetting + "%";

    /// <summary>Finishing user deletions left half-way, and deleting raw events past their retention.</summary>
    public const string DataRetention = "%" + DataRetentionSetting + "%";

    public const string DataRetentionSetting = "OPENMETRICS_RETENTION_SCHEDULE";

    public const string SnapshotRecentSetting = "OPENMETRICS_SNAPSHOT_RECENT_SCHEDULE";

    public const string SnapshotFullSetting = "OPENMETRICS_SNAPSHOT_FULL_SCHEDULE";

    /// <summary>Every 15 minutes; nightly at 03:30 UTC; retention nightly at 04:15 UTC, after the snapshots; alerts every 5 minutes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SnapshotRecentSetting] = "0 */15 * * * *",
        [SnapshotFullSetting] = "0 30 3 * * *",
        [DataRetentionSetting] = "0 15 4 * * *",
        [AlertsSetting] = "0 */5 * * * *",
    };

    /// <summary>
    /// The NCRONTAB expression a schedule stands for: itself, or for <c>%Setting%</c> the setting's value from
    /// <paramref name="settings"/>, else its default.
    /// </summary>
    public static string Resolve(string schedule, Func<string, string?> settings)
    {
        if (schedule.Length < 3 || schedule[0] != '%' || schedule[^1] != '%')
        {
            return schedule;
        }

        var name = schedule[1..^1];
        return settings(name) is { Length: > 0 } value
            ? value
            : Defaults.TryGetValue(name, out var fallback) ? fallback : throw new InvalidOperationException($"The schedule setting {name} is not set and has no default.");
    }
}
