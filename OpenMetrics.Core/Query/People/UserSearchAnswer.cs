namespace OpenMetrics.Core.Query.People;

/// <summary>The answer of <c>GET /api/users</c>: the matching users, most recently seen first.</summary>
public sealed record UserSearchAnswer(IReadOnlyList<UserSummary> Users);
