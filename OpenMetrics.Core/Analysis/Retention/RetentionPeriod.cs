namespace OpenMetrics.Core.Analysis.Retention;

/// <summary>The calendar period cohorts and returns are counted in, in the query's time zone (weeks start on Monday).</summary>
public enum RetentionPeriod
{
    Day,
    Week,
    Month,
}
