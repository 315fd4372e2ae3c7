namespace OpenMetrics.Core.Analysis;

/// <summary>Whose property a filter or breakdown reads: the event's, the user's (at query time) or the session's.</summary>
public enum PropertyScope
{
    Event,
    User,
    Session,
}
