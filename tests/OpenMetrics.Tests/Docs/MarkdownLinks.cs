using System.Text;
using System.Text.RegularExpressions;

namespace OpenMetrics.Tests.Docs;

/// <summary>The links and heading anchors of a Markdown page, read the way GitHub renders it.</summary>
public static partial class MarkdownLinks
{
    /// <summary>The target of every inline link <c>[text](target)</c> outside code, in order.</summary>
    public static IEnumerable<string> Targets(string markdown) =>
        Prose(markdown).SelectMany(line => LinkPattern().Matches(line).Select(match => match.Groups["target"].Value));

    /// <summary>The anchors GitHub gives the page's headings: duplicates get <c>-1</c>, <c>-2</c>, ….</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Prose(markdown, keepCode: true))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's rule: lower case; letters, digits, spaces, hyphens and underscores kept; spaces become hyphens.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>The page's lines outside fenced code blocks, with inline code spans blanked unless <paramref name="keepCode"/>.</summary>
    private static IEnumerable<string> Prose(string markdown, bool keepCode = false)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                yield return keepCode ? line : CodeSpanPattern().Replace(line, "");
            }
        }
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpanPattern();
}
