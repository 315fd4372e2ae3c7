namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>
/// One step of a funnel's answer, field for field as docs/query.md writes it, plus who dropped off after it.
/// </summary>
/// <param name="Users">Users whose furthest step is this one or a later one.</param>
/// <param name="PctOfFirst">Users as a percentage of step 1's (100 for step 1 itself; 0 when step 1 has none).</param>
/// <param name="PctOfPrevious">Users as a percentage of the previous step's (100 for step 1).</param>
/// <param name="MedianSecondsFromPrevious">Median of the time from the previous step to this one; null for step 1 or no users.</param>
/// <param name="AvgSecondsFromPrevious">Average of the same times.</param>
/// <param name="DroppedOff">Users who reached this step and not the next (0 for the last step): exact.</param>
/// <param name="DroppedOffUsers">The first of those users (by the order the caller fed them), up to the definition's limit.</param>
public sealed record FunnelStepResult(
    string Event,
    int Users,
    double PctOfFirst,
    double PctOfPrevious,
    double? MedianSecondsFromPrevious,
    double? AvgSecondsFromPrevious,
    int DroppedOff,
    IReadOnlyList<string> DroppedOffUsers);
