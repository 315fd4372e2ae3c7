namespace OpenMetrics.Core.Identity;

/// <summary>
/// The most one props bag holds: a user's profile, or a session's props (docs/reliability.md, "Hostile input").
/// Each setUserProps call is held to the v1 limits on its own; this holds the union of every call on one user, so
/// that the row they share always fits a table entity (1 MiB). The keys follow Mixpanel's 2,000 properties a
/// profile; the bytes are measured as <see cref="Storage.StoredJson.SentLength(string)"/> measures one props object,
/// over the values and their write times together, and 450,000 of them fit an entity with room for the row's other
/// columns. Fixed, not a setting: a larger cap would let a profile grow past what its row can store.
/// </summary>
public static class ProfileCap
{
    public const int MaxKeys = 2000;

    public const int MaxBytes = 450_000;
}
