namespace OpenMetrics.Core.Privacy;

/// <summary>
/// How long raw events and sessions are kept (<c>OpenMetrics:Retention:RawEventDays</c>; app setting
/// <c>OpenMetrics__Retention__RawEventDays</c>). 0, the default, keeps them forever. Pre-aggregates are always kept.
/// </summary>
public sealed class RetentionSettings
{
    public const string Section = "OpenMetrics:Retention";

    public int RawEventDays { get; set; }
}
