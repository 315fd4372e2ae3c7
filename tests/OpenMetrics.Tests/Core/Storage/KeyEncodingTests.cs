using OpenMetrics.Core.Storage;

namespace OpenMetrics.Tests.Core.Storage;

public sealed class KeyEncodingTests
{
    [Theory]
    [InlineData("plain-id_123", "plain-id_123")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b#c?d", "a%5Cb%23c%3Fd")]
    [InlineData("50%|*", "50%25%7C%2A")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("\u0085next", "%85next")]
    [InlineData("ü🎉", "ü🎉")]
    public void Escapes_exactly_the_characters_keys_cannot_hold(string value, string encoded)
    {
        Assert.Equal(encoded, KeyEncoding.Encode(value));
        Assert.Equal(value, KeyEncoding.Decode(encoded));
    }

    [Fact]
    public void Every_character_round_trips()
    {
        var everything = new string(Enumerable.Range(1, 0xD7FF).Select(i => (char)i).ToArray());

        Assert.Equal(everything, KeyEncoding.Decode(KeyEncoding.Encode(everything)));
    }

    [Fact]
    public void A_value_too_long_for_a_key_becomes_a_hash_of_it()
    {
        var longId = new string('/', 100);

        var part = KeyEncoding.KeyPart(longId);

        Assert.Equal("~" + StableHash.Hex128(longId), part);
        Assert.Equal(33, part.Length);
    }
}
