using System.Text.RegularExpressions;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Core.Architecture;

/// <summary>
/// The query code asks the stores in its own words: no Azure type and no table key under <c>OpenMetrics.Core/Query/</c> or <c>OpenMetrics.Apps/Query/</c>.
/// A table's key format lives in its store (docs/storage.md, "Who knows the keys"), so a new store (imports, a columnar
/// event store) implements the query side's read interfaces without the query code changing.
/// </summary>
public sealed partial class QueryKnowsNoKeysTests
{
    /// <summary>The query code of the domain and the query handlers the apps run; the storage's readers may know keys.</summary>
    private static readonly string[] QueryFolders =
    [
        Path.Combine(RepositoryRoot.Find(), "OpenMetrics.Core", "Query"),
        Path.Combine(RepositoryRoot.Find(), "OpenMetrics.Apps", "Query"),
    ];

    [Fact]
    public void Query_code_uses_no_Azure_type_and_builds_no_key()
    {
        var root = RepositoryRoot.Find();
        var offenders = QueryFolders.SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: Path.GetRelativePath(root, file), Number: index + 1, Line: line)))
            .Where(line => !line.Line.TrimStart().StartsWith("//", StringComparison.Ordinal) && Offends(line.Line))
            .Select(line => $"{line.File}:{line.Number}: {line.Line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, $"{offenders.Count} lines under Query/ know a store's keys or types:\n{string.Join('\n', offenders)}");
    }

    [Theory]
    [InlineData("using Azure.Data.Tables;")]
    [InlineData("public sealed class Reader(TableClient table)")]
    [InlineData("foreach (var row in rows.Values) Read((TableEntity)row);")]
    [InlineData("var ifMatch = ETag.All;")]
    [InlineData("catch (RequestFailedException e) when (e.Status == 404)")]
    [InlineData("var upper = prefix[..^1] + \"}\";")]
    [InlineData("var afterShards = lastDay + \"`\";")]
    [InlineData("var upper = lower + \"~\";")]
    [InlineData("e.PartitionKey.CompareTo(\"u_\") >= 0 && e.PartitionKey.CompareTo(\"u`\") < 0")]
    [InlineData("if (row.RowKey.StartsWith(\"s_\", StringComparison.Ordinal))")]
    [InlineData("var hour = row.RowKey[1..3];")]
    [InlineData("return [\"RowKey\", \"Count\", .. Enumerable.Range(1, 14).Select(i => $\"Numeric_{i}\")];")]
    public void A_key_or_an_Azure_type_is_caught(string line) => Assert.True(Offends(line), line);

    [Theory]
    [InlineData("var figures = await aggregates.ReadAsync(cells, events, withValues, cancellationToken);")]
    [InlineData("/// <summary>Reads the day rows of each day (see docs/storage.md).</summary>")]
    [InlineData("var label = $\"{first} – {last}\";")]
    public void Plain_query_code_passes(string line) => Assert.False(Offends(line), line);

    private static bool Offends(string line) => AzureType().IsMatch(line) || KeyPart().IsMatch(line) || RangeMarker().IsMatch(line);

    [GeneratedRegex(@"\bAzure\.|\b(TableClient|TableEntity|ITableEntity|TableServiceClient|ETag|RequestFailedException|Page<)\b")]
    private static partial Regex AzureType();

    /// <summary>Keys and columns by name: partition or row keys, a key prefix literal (<c>"s_"</c>), a column family (<c>Numeric_</c>).</summary>
    [GeneratedRegex(@"\b(PartitionKey|RowKey)\b|""[a-z]_""|""[a-z]`""|Numeric_")]
    private static partial Regex KeyPart();

    /// <summary>A hand-made end of a key range: a <c>}</c>, backtick or <c>~</c> appended to a key.</summary>
    [GeneratedRegex(@"\+\s*""[}`~]""|\[\.\.\^1\]\s*\+")]
    private static partial Regex RangeMarker();
}
