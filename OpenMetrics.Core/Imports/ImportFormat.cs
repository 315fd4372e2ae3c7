namespace OpenMetrics.Core.Imports;

/// <summary>Whose export an import file is: the <c>format</c> of <c>POST /api/imports</c> (docs/imports.md).</summary>
public enum ImportFormat
{
    /// <summary>Our v1 event shape plus <c>sessionId</c> or <c>userId</c>.</summary>
    OpenMetrics,

    /// <summary>Mixpanel's export lines: <c>event</c>, <c>properties.time</c>, <c>properties.distinct_id</c>, <c>properties.$insert_id</c>.</summary>
    Mixpanel,

    /// <summary>Amplitude's export: <c>event_type</c>, <c>user_id</c>/<c>device_id</c>, <c>event_time</c>, <c>insert_id</c>, <c>event_properties</c>, <c>user_properties</c>.</summary>
    Amplitude,

    /// <summary>PostHog's export: <c>event</c>, <c>distinct_id</c>, <c>timestamp</c>, <c>uuid</c>, <c>properties</c>.</summary>
    PostHog,
}
