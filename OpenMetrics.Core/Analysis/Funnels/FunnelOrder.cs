namespace OpenMetrics.Core.Analysis.Funnels;

/// <summary>How a funnel's steps must follow each other (docs/query.md <c>order</c>).</summary>
public enum FunnelOrder
{
    /// <summary>Each step after the previous one; other events may happen in between.</summary>
    Sequential,

    /// <summary>Each step the user's very next event after the previous step: any other event in between breaks it.</summary>
    Strict,

    /// <summary>The steps in any order: step k counts users who did any k of the steps within the window.</summary>
    Any,
}
