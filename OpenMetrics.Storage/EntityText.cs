using System.Text;
using Azure.Data.Tables;

namespace OpenMetrics.Storage;

/// <summary>
/// Long text (props JSON) in a table entity. A string property holds at most 32K characters, so longer text is split
/// over <c>Name</c>, <c>Name_1</c>, <c>Name_2</c> … An entity holds at most 1 MiB; the ingest limits keep ordinary
/// events far below that, and text that would not fit is refused with a clear reason rather than cut.
/// </summary>
public static class EntityText
{
    private const int ChunkLength = 30_000;

    /// <summary>About 900 KB of UTF-16 across chunks, leaving room for the entity's other properties.</summary>
    public const int MaxLength = ChunkLength * 15;

    public static void Write(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxLength)
        {
            throw new InvalidOperationException($"{name} is {text.Length} characters long; a table entity holds at most {MaxLength}.");
        }

        entity[name] = text.Length <= ChunkLength ? text : text[..ChunkLength];
        for (int start = ChunkLength, chunk = 1; start < text.Length; start += ChunkLength, chunk++)
        {
            entity[$"{name}_{chunk}"] = text.Substring(start, Math.Min(ChunkLength, text.Length - start));
        }
    }

    /// <summary>
    /// Blanks the chunks of <paramref name="name"/> that <paramref name="previous"/> has and <paramref name="update"/>
    /// does not, for a merge-mode update: text that shrank to fewer chunks must not read back with the old tail.
    /// </summary>
    public static void BlankLeftovers(TableEntity update, TableEntity previous, string name)
    {
        for (var chunk = 1; previous.ContainsKey($"{name}_{chunk}"); chunk++)
        {
            if (!update.ContainsKey($"{name}_{chunk}"))
            {
                update[$"{name}_{chunk}"] = "";
            }
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        if (!entity.ContainsKey($"{name}_1"))
        {
            return first;
        }

        var builder = new StringBuilder(first);
        for (var chunk = 1; entity.GetString($"{name}_{chunk}") is { Length: > 0 } next; chunk++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }
}
