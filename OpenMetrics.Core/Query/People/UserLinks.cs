namespace OpenMetrics.Core.Query.People;

/// <summary>A user's sessions (their own and those of every user merged into them) and the users merged into them.</summary>
public sealed record UserLinks(IReadOnlyList<UserSession> Sessions, IReadOnlyList<string> MergedUsers);
