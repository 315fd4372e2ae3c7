namespace OpenMetrics.Tests.Docs;

/// <summary>
/// Every relative link of the README and of docs/ leads to a file of the repository, and a link with an anchor to a
/// heading of that page: a moved or renamed page, or a retitled section, fails here instead of in a reader's browser.
/// </summary>
public sealed class DocLinksTests
{
    /// <summary>
    /// Pages other branches of issue 14 write, linked from the index and docs/architecture.md before they land. Accepted
    /// only while they do not exist: once one does, its links are checked like any other.
    /// </summary>
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal) { "docs/adding-a-function.md", "docs/dependencies.md" };

    public static TheoryData<string> Pages => new(RepositoryFiles.Pages());

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_its_anchor_to_a_heading(string page)
    {
        var broken = new List<string>();
        foreach (var target in MarkdownLinks.Targets(File.ReadAllText(RepositoryFiles.FullPath(page))))
        {
            if (Problem(page, target) is { } problem)
            {
                broken.Add($"{target}: {problem}");
            }
        }

        Assert.True(broken.Count == 0, $"{page} has broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_docs_index_lists_every_page_of_docs()
    {
        var index = File.ReadAllText(RepositoryFiles.FullPath("docs/README.md"));
        var listed = MarkdownLinks.Targets(index).Select(target => target.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = RepositoryFiles.Pages()
            .Where(page => page.StartsWith("docs/", StringComparison.Ordinal) && page != "docs/README.md")
            .Select(page => page["docs/".Length..])
            .Where(page => !listed.Contains(page))
            .ToList();

        Assert.True(missing.Count == 0, "docs/README.md does not list: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("## Exactly once: dedup windows and merges", "exactly-once-dedup-windows-and-merges")]
    [InlineData("## Reading `q` without encoding", "reading-q-without-encoding")]
    [InlineData("### `Events`: raw events by time", "events-raw-events-by-time")]
    [InlineData("## Where an answer comes from (`meta.source`)", "where-an-answer-comes-from-metasource")]
    public void Anchors_are_made_as_GitHub_makes_them(string heading, string anchor) =>
        Assert.Contains(anchor, MarkdownLinks.Anchors(heading));

    [Fact]
    public void A_second_heading_of_the_same_text_gets_a_numbered_anchor() =>
        Assert.Equal(["choices", "choices-1"], MarkdownLinks.Anchors("## Choices\ntext\n## Choices\n").Order());

    [Fact]
    public void Links_inside_code_are_not_links() =>
        Assert.Equal(["a.md"], MarkdownLinks.Targets("[a](a.md) `[b](b.md)`\n```\n[c](c.md)\n```\n"));

    private static string? Problem(string page, string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var folder = Path.GetDirectoryName(page.Replace('/', Path.DirectorySeparatorChar)) ?? "";
        var file = path.Length == 0 ? page : Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(RepositoryFiles.Root, folder, Uri.UnescapeDataString(path)))).Replace(Path.DirectorySeparatorChar, '/');
        var full = RepositoryFiles.FullPath(file);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return Pending.Contains(file) ? null : $"no file {file}";
        }

        if (anchor is null || !file.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        return MarkdownLinks.Anchors(File.ReadAllText(full)).Contains(anchor) ? null : $"no heading #{anchor} in {file}";
    }
}
