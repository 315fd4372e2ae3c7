using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Tests.Core.Ingest;

public sealed class PropsValidatorTests
{
    private static readonly IngestLimits Limits = new();

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"a":1,"b":"x","c":true,"d":null,"e":[1,2]}""")]
    [InlineData("""{"level2":{"level3":{"leaf":1}}}""")]
    [InlineData("""{"level2":[[1]]}""")]
    public void Accepts_props_within_the_limits(string json)
    {
        Assert.Null(PropsValidator.Check(Parse(json), Limits, "props"));
    }

    [Fact]
    public void Accepts_exactly_the_limits()
    {
        // 255 keys of 255 characters; one value of 8,192 characters, the rest short.
        var props = Enumerable.Range(0, 255).ToDictionary(i => new string('k', 252) + i.ToString("D3"), i => i == 0 ? new string('v', 8192) : "v");

        Assert.Null(PropsValidator.Check(Parse(JsonSerializer.Serialize(props)), Limits, "props"));
    }

    [Theory]
    [InlineData("""[1]""", "props must be a JSON object, not an array")]
    [InlineData("\"text\"", "props must be a JSON object, not a string")]
    [InlineData("""{"l2":{"l3":{"l4":{}}}}""", "props.l2.l3.l4 nests deeper than 3 levels")]
    [InlineData("""{"l2":[[[1]]]}""", "props.l2[0][0] nests deeper than 3 levels")]
    public void Refuses_a_wrong_type_or_too_deep_nesting(string json, string reason)
    {
        Assert.Equal(reason, PropsValidator.Check(Parse(json), Limits, "props"));
    }

    [Fact]
    public void Refuses_too_many_keys()
    {
        var props = Enumerable.Range(0, 256).ToDictionary(i => $"k{i}", i => i);

        Assert.Equal("props has more than 255 keys", PropsValidator.Check(Parse(JsonSerializer.Serialize(props)), Limits, "props"));
    }

    [Fact]
    public void Refuses_a_key_that_is_too_long()
    {
        var props = new Dictionary<string, int> { [new string('k', 256)] = 1 };

        Assert.Equal("props has a key of 256 characters; the limit is 255", PropsValidator.Check(Parse(JsonSerializer.Serialize(props)), Limits, "props"));
    }

    [Fact]
    public void Refuses_a_string_value_that_is_too_long_even_when_nested()
    {
        var props = new { outer = new { text = new string('v', 8193) } };

        Assert.Equal("props.outer.text is 8193 characters long; the limit is 8192", PropsValidator.Check(Parse(JsonSerializer.Serialize(props)), Limits, "props"));
    }

    [Fact]
    public void Refuses_props_whose_json_is_larger_than_a_table_entity_can_hold()
    {
        var props = Enumerable.Range(0, 60).ToDictionary(i => $"k{i:D2}", _ => new string('v', 8000));

        Assert.Equal("props is 481741 bytes of JSON as stored; the limit is 400000", PropsValidator.Check(Parse(JsonSerializer.Serialize(props)), Limits, "props"));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
