using System.Text.RegularExpressions;

namespace OpenMetrics.Tests.Docs;

/// <summary>
/// The contract lives in docs/ (api-v1.md, query.md, semantics.md, architecture.md). The brief the project started from
/// had four files of its own, outside the repository; a comment or page that cites one of them sends a reader to a file
/// they cannot open.
/// </summary>
public sealed partial class ContractCitationTests
{
    [Fact]
    public void No_tracked_file_cites_a_contract_file_that_is_not_in_the_repository()
    {
        var citations = new List<string>();
        foreach (var file in RepositoryFiles.Tracked())
        {
            var full = RepositoryFiles.FullPath(file);
            if (!File.Exists(full) || IsBinary(full))
            {
                continue;
            }

            var lines = File.ReadAllLines(full);
            for (var i = 0; i < lines.Length; i++)
            {
                if (OutsideCitation().IsMatch(lines[i]))
                {
                    citations.Add($"{file}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(citations.Count == 0, $"{citations.Count} lines cite a file outside the repository (cite docs/ instead):\n" + string.Join("\n", citations));
    }

    [Theory]
    [InlineData("/// The limits of a v1 call (API" + ".md, \"Limits\").", true)]
    [InlineData("as QUERY" + ".md's \"Errors\" says", true)]
    [InlineData("(SEMANTICS" + ".md, \"Identity\")", true)]
    [InlineData("see ARCHITECTURE" + ".md", true)]
    [InlineData("(docs/api-v1.md, \"Limits\")", false)]
    [InlineData("docs/query.md and docs/semantics.md", false)]
    [InlineData("OPENAPI" + ".md", false)]
    public void A_citation_is_the_file_name_in_capitals(string line, bool cites) =>
        Assert.Equal(cites, OutsideCitation().IsMatch(line));

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[512];
        using var stream = File.OpenRead(path);
        var read = stream.Read(head);
        return head[..read].Contains((byte)0);
    }

    // The names are split in this file (here and above) so that it does not cite them itself.
    [GeneratedRegex(@"(?<![A-Za-z0-9_/.-])(API|QUERY|SEMANTICS|ARCHITECTURE)\.md\b")]
    private static partial Regex OutsideCitation();
}
