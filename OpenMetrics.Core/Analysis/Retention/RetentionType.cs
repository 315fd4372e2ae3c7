namespace OpenMetrics.Core.Analysis.Retention;

/// <summary>Which cohorts a user belongs to (docs/semantics.md "Retention").</summary>
public enum RetentionType
{
    /// <summary>The cohort of the period of the user's first-ever start event.</summary>
    First,

    /// <summary>The cohort of every period in which the user did the start event.</summary>
    Recurring,
}
