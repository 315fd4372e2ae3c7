using Azure.Data.Tables;

namespace OpenMetrics.Storage;

/// <summary>
/// The keys that start with a prefix, as the half-open range a table query asks for: <c>[From, Before)</c>, where
/// <see cref="Before"/> is the prefix with its last character moved one up (<c>s_</c> → <c>s`</c>, <c>d|</c> →
/// <c>d}</c>). Every prefix scan of every store goes through here, so none writes an end marker by hand.
/// </summary>
public readonly record struct KeyRange(string From, string Before)
{
    /// <summary>Every key that starts with <paramref name="prefix"/>.</summary>
    public static KeyRange StartingWith(string prefix) => new(prefix, After(prefix));

    /// <summary>Every key from the first that starts with <paramref name="first"/> to the last that starts with <paramref name="last"/>.</summary>
    public static KeyRange Spanning(string first, string last) => new(first, After(last));

    public bool Contains(string key) => string.CompareOrdinal(key, From) >= 0 && string.CompareOrdinal(key, Before) < 0;

    /// <summary>An OData filter on the partition key (the text the service is sent).</summary>
    public string PartitionFilter() => TableClient.CreateQueryFilter($"PartitionKey ge {From} and PartitionKey lt {Before}");

    /// <summary>An OData filter on the row key.</summary>
    public string RowFilter() => TableClient.CreateQueryFilter($"RowKey ge {From} and RowKey lt {Before}");

    private static string After(string prefix)
    {
        if (prefix.Length == 0 || prefix[^1] == char.MaxValue)
        {
            throw new ArgumentException("A prefix range needs a prefix whose last character has a successor.", nameof(prefix));
        }

        return prefix[..^1] + (char)(prefix[^1] + 1);
    }
}
