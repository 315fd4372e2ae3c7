using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// The header row of a CSV import and how a row becomes a JSON object. A dotted column name nests
/// (<c>properties.time</c> is <c>{"properties": {"time": …}}</c>), as Mixpanel's and Amplitude's CSV exports flatten
/// their JSON. Values: an empty field is left out (a spreadsheet cannot tell "absent" from ""), <c>true</c> and
/// <c>false</c> become booleans, a plain JSON number (no leading zero, so zip codes and padded ids stay text) becomes a
/// number, everything else stays a string, so a CSV row maps like the JSON line it was flattened from.
/// </summary>
internal sealed partial class CsvColumns
{
    private readonly Node root;
    private readonly int count;
    private readonly ArrayBufferWriter<byte> output = new();

    private CsvColumns(Node root, int count)
    {
        this.root = root;
        this.count = count;
    }

    public static CsvColumns FromHeader(IReadOnlyList<string> names)
    {
        var root = new Node();
        for (var column = 0; column < names.Count; column++)
        {
            var name = names[column].Trim();
            if (name.Length == 0)
            {
                continue; // a trailing comma in the header, or a column a spreadsheet left unnamed
            }

            var node = root;
            var parts = name.Split('.');
            foreach (var part in parts)
            {
                if (part.Length == 0)
                {
                    throw new ImportFileException($"the CSV column \"{name}\" has an empty part between its dots");
                }

                if (node.Column >= 0)
                {
                    throw new ImportFileException($"the CSV header has both \"{string.Join('.', parts.TakeWhile(p => p != part))}\" and \"{name}\"");
                }

                node = node.Child(part);
            }

            if (node.Column >= 0 || node.Children.Count > 0)
            {
                throw new ImportFileException($"the CSV header names \"{name}\" twice, or also as the start of a dotted name");
            }

            node.Column = column;
        }

        return new CsvColumns(root, names.Count);
    }

    public ImportRecord ToRecord(long line, IReadOnlyList<string> fields)
    {
        if (fields.Count != count)
        {
            return new ImportRecord(line, null, $"line {line} has {fields.Count} fields; the header has {count}");
        }

        output.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(output))
        {
            Write(writer, root, fields);
        }

        var reader = new Utf8JsonReader(output.WrittenSpan);
        return new ImportRecord(line, JsonElement.ParseValue(ref reader), null);
    }

    private static void Write(Utf8JsonWriter writer, Node node, IReadOnlyList<string> fields)
    {
        writer.WriteStartObject();
        foreach (var (name, child) in node.Children)
        {
            if (child.Column < 0)
            {
                writer.WritePropertyName(name);
                Write(writer, child, fields);
                continue;
            }

            var value = fields[child.Column];
            if (value.Length == 0)
            {
                continue;
            }

            writer.WritePropertyName(name);
            if (value is "true" or "false")
            {
                writer.WriteBooleanValue(value == "true");
            }
            else if (JsonNumber().IsMatch(value))
            {
                writer.WriteRawValue(value, skipInputValidation: true);
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        writer.WriteEndObject();
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?$")]
    private static partial Regex JsonNumber();

    private sealed class Node
    {
        public int Column { get; set; } = -1;

        public List<(string Name, Node Node)> Children { get; } = [];

        public Node Child(string name)
        {
            foreach (var (existing, node) in Children)
            {
                if (existing == name)
                {
                    return node;
                }
            }

            var child = new Node();
            Children.Add((name, child));
            return child;
        }
    }
}
