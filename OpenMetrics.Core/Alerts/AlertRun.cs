namespace OpenMetrics.Core.Alerts;

/// <summary>What one evaluation of one alert did.</summary>
/// <param name="Outcome">
/// <c>fired</c>, <c>resolved</c>, <c>unchanged</c> (evaluated, no crossing), <c>suppressed</c> (would fire, but within
/// the cooldown), <c>skipped</c> (its last complete interval was already evaluated, by this or another run) or
/// <c>error</c> (the metric could not be computed).
/// </param>
public sealed record AlertRun(string Id, string Outcome, string State, DateTimeOffset? From, DateTimeOffset? To, double? Value, string? Error);

/// <summary>What <c>POST /ops/alerts/evaluate</c> answers: every alert's outcome and the counts of each.</summary>
public sealed record AlertRunSummary(int Alerts, int Evaluated, int Fired, int Resolved, int Skipped, int Errors, IReadOnlyList<AlertRun> Runs)
{
    public static AlertRunSummary Of(IReadOnlyList<AlertRun> runs) => new(
        runs.Count,
        runs.Count(run => run.Outcome is not ("skipped" or "error")),
        runs.Count(run => run.Outcome == "fired"),
        runs.Count(run => run.Outcome == "resolved"),
        runs.Count(run => run.Outcome == "skipped"),
        runs.Count(run => run.Outcome == "error"),
        runs);
}
