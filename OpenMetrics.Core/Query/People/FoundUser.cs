using Azure.Data.Tables;

namespace OpenMetrics.Core.Query.People;

/// <summary>The user a route's id stands for now, with their profile row.</summary>
/// <param name="MergedFrom">The id asked for, when it was merged away into <paramref name="UserKey"/>; else null.</param>
public sealed record FoundUser(string UserKey, TableEntity Profile, string? MergedFrom);
