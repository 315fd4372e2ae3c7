namespace OpenMetrics.Core.Privacy;

/// <summary>
/// What a user deletion removes, written before anything is removed, so that a retry (or the retention timer) finishes
/// a deletion that stopped half-way from this list rather than from rows that may be gone already.
/// </summary>
/// <param name="UserKey">The user deleted: the id asked for, or the user that id was merged into.</param>
/// <param name="Users">Every user key of the person: <paramref name="UserKey"/> and the users merged into it.</param>
/// <param name="Sessions">Every session of those users.</param>
/// <param name="Months">The UTC months (<c>yyyyMM</c>) the sessions span: where the user sets hold their rows.</param>
/// <param name="RequestedAt">When the first DELETE asked for it; a setUserId received until then is not recorded.</param>
/// <param name="CompletedAt">When every step last finished; null while a step is still to do.</param>
public sealed record DeletionRecord(
    string UserKey,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Sessions,
    IReadOnlyList<string> Months,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>This record widened by what was found since (a session that arrived, a retry's new rows).</summary>
    public DeletionRecord With(IEnumerable<string> users, IEnumerable<string> sessions, IEnumerable<string> months) => this with
    {
        Users = [.. Users.Union(users, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        Sessions = [.. Sessions.Union(sessions, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        Months = [.. Months.Union(months, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };
}
