using System.Globalization;
using System.Text;

namespace OpenMetrics.Core.Storage;

/// <summary>
/// Makes any client string (a session id, a user id, an event name) safe inside a PartitionKey or RowKey, and back.
/// Azure Tables forbid <c>/ \ # ?</c> and control characters in keys; <c>|</c> separates the parts of our keys and
/// <c>*</c> marks "any event", so those are escaped too, as is <c>%</c> itself, so the encoding reverses exactly.
/// Escapes are <c>%XX</c> (or <c>%uXXXX</c> above U+00FF); every other character, unicode included, stays as is.
/// </summary>
public static class KeyEncoding
{
    public static string Encode(string value)
    {
        if (!NeedsEscape(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var character in value)
        {
            if (!IsEscaped(character))
            {
                builder.Append(character);
            }
            else if (character <= 0xFF)
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("%u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A key part for a client string: the encoding when it is short enough for a key (keys hold 1 KiB), else a hash
    /// of it. Entities always carry the original string as a property, so nothing is lost when the key is a hash.
    /// </summary>
    public static string KeyPart(string value)
    {
        var encoded = Encode(value);
        return encoded.Length <= MaxKeyPartLength ? encoded : "~" + StableHash.Hex128(value);
    }

    /// <summary>Leaves room for the other parts of a key within the 512 UTF-16 characters of 1 KiB.</summary>
    public const int MaxKeyPartLength = 200;

    public static string Decode(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '%')
            {
                builder.Append(key[i]);
            }
            else if (key[i + 1] == 'u')
            {
                builder.Append((char)int.Parse(key.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                builder.Append((char)int.Parse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string value)
    {
        foreach (var character in value)
        {
            if (IsEscaped(character))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEscaped(char character) =>
        character is '/' or '\\' or '#' or '?' or '%' or '|' or '*' || char.IsControl(character);
}
