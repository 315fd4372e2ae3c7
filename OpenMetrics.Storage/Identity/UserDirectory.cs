using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.People;

namespace OpenMetrics.Storage.Identity;

/// <summary>
/// Finds users by id or property value. There is no index: a search reads every profile row (the user partitions
/// sort together, <c>u_…</c>) and every session row (<c>s_…</c>, for first and last seen: a session row names its
/// user now, merges included), two range scans whose cost grows with users and sessions: about one table
/// transaction per 1,000 rows. Merged-away users are left out (their sessions count for the user they merged into);
/// anonymous users are in unless asked otherwise, since every figure counts them as users.
/// </summary>
public sealed class UserDirectory(IdentityStore identity)
{
    public async Task<IReadOnlyList<UserSummary>> SearchAsync(string? search, int limit, bool includeAnonymous, CancellationToken cancellationToken)
    {
        var spans = ReadSpansAsync(cancellationToken);
        var users = new List<(string UserKey, JsonObject Props)>();
        await foreach (var profile in identity.Table.QueryAsync<TableEntity>(
            $"{IdentityKeys.UserPartitions.PartitionFilter()} and {TableClient.CreateQueryFilter($"RowKey eq {IdentityKeys.ProfileRow}")}",
            cancellationToken: cancellationToken))
        {
            if (profile.GetString("MergedInto") is not null || profile.GetString("UserKey") is not { } userKey
                || (!includeAnonymous && UserKeys.IsAnonymous(userKey)))
            {
                continue;
            }

            var props = StoredProps.Read(profile);
            if (search is null || userKey.Contains(search, StringComparison.OrdinalIgnoreCase) || AnyValueContains(props, search))
            {
                users.Add((userKey, props));
            }
        }

        var known = await spans;
        return
        [
            .. users
                .Select(user => known.TryGetValue(user.UserKey, out var span)
                    ? new UserSummary(user.UserKey, span.First, span.Last, user.Props, UserKeys.IsAnonymous(user.UserKey))
                    : new UserSummary(user.UserKey, null, null, user.Props, UserKeys.IsAnonymous(user.UserKey)))
                .OrderByDescending(user => user.LastSeen)
                .ThenBy(user => user.UserId, StringComparer.Ordinal)
                .Take(limit),
        ];
    }

    /// <summary>Each user's earliest first seen and latest last seen over the sessions that belong to them now.</summary>
    private async Task<Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)>> ReadSpansAsync(CancellationToken cancellationToken)
    {
        var spans = new Dictionary<string, (DateTimeOffset First, DateTimeOffset Last)>(StringComparer.Ordinal);
        await foreach (var session in identity.Table.QueryAsync<TableEntity>(
            $"{IdentityKeys.SessionPartitions.PartitionFilter()} and {TableClient.CreateQueryFilter($"RowKey eq {IdentityKeys.SessionRow}")}",
            select: ["UserKey", "FirstSeen", "LastSeen"],
            cancellationToken: cancellationToken))
        {
            if (session.GetString("UserKey") is not { } userKey || session.GetDateTimeOffset("FirstSeen") is not { } first
                || session.GetDateTimeOffset("LastSeen") is not { } last)
            {
                continue;
            }

            spans[userKey] = spans.TryGetValue(userKey, out var known)
                ? (first < known.First ? first : known.First, last > known.Last ? last : known.Last)
                : (first, last);
        }

        return spans;
    }

    /// <summary>Whether any value of the properties, nested ones included, contains the text (case-insensitive).</summary>
    private static bool AnyValueContains(JsonNode? node, string search) => node switch
    {
        JsonObject properties => properties.Any(property => AnyValueContains(property.Value, search)),
        JsonArray items => items.Any(item => AnyValueContains(item, search)),
        JsonValue value => ValueText(value).Contains(search, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string ValueText(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
