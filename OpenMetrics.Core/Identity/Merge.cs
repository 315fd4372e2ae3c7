namespace OpenMetrics.Core.Identity;

/// <summary>What a setUserId changed: the user whose sessions moved, the user they now belong to, and those sessions.</summary>
public sealed record Merge(string FromUserKey, string IntoUserKey, IReadOnlyList<string> Sessions);
