using System.Text.Json.Nodes;

namespace OpenMetrics.Core.Query.People;

/// <summary>The user a route's id stands for now, with their properties now.</summary>
/// <param name="MergedFrom">The id asked for, when it was merged away into <paramref name="UserKey"/>; else null.</param>
public sealed record FoundUser(string UserKey, JsonObject Props, string? MergedFrom);
