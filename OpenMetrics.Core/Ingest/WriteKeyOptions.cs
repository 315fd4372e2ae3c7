namespace OpenMetrics.Core.Ingest;

/// <summary>
/// The project write key settings, in the section <c>OpenMetrics:Ingest</c> (docs/reliability.md, "Write keys and rate
/// limits"). A write key is public, as PostHog's project token is: it sits in every page that logs. It keeps other
/// people's pages and scripts from writing into the project, not secrets in.
/// </summary>
public sealed class WriteKeyOptions
{
    /// <summary>Off by default, so that the original clients, which send no key, keep working.</summary>
    public bool RequireWriteKey { get; set; }

    /// <summary>
    /// Every key accepted now: the current one and, during a rotation, the previous one
    /// (<c>OpenMetrics__Ingest__WriteKeys__0</c>, <c>__1</c>).
    /// </summary>
    public List<string> WriteKeys { get; set; } = [];
}
