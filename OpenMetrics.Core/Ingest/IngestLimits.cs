namespace OpenMetrics.Core.Ingest;

/// <summary>
/// The limits of a v1 call (docs/api-v1.md, "Limits"). Configurable under the section <c>OpenMetrics:Ingest</c>;
/// the defaults follow Mixpanel and Amplitude (2,000 events a call) and Application Insights (8,192 chars a value).
/// </summary>
public sealed class IngestLimits
{
    public const string Section = "OpenMetrics:Ingest";

    public int MaxQueryStringBytes { get; set; } = 32 * 1024;
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
    public int MaxEventsPerCall { get; set; } = 2000;
    public int MaxIdLength { get; set; } = 255;
    public int MaxEventIdLength { get; set; } = 128;
    public int MaxNameLength { get; set; } = 255;
    public int MaxPropsPerObject { get; set; } = 255;
    public int MaxKeyLength { get; set; } = 255;
    public int MaxStringValueLength { get; set; } = 8192;

    /// <summary>
    /// One props object as JSON, in bytes. A stored event or profile must fit a table entity (1 MiB); within the other
    /// limits a single object could reach about 2 MB, so this one keeps every accepted object storable.
    /// </summary>
    public int MaxPropsJsonBytes { get; set; } = 400_000;

    /// <summary>The props object itself is level 1; an object or array inside it is level 2, and so on.</summary>
    public int MaxNestingDepth { get; set; } = 3;

    /// <summary>A <c>ts</c> further ahead of the server clock than this is stored at the received time.</summary>
    public TimeSpan MaxClockAhead { get; set; } = TimeSpan.FromHours(23);
}
