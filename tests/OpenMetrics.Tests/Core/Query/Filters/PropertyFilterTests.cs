using System.Text.Json;
using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Tests.Core.Query.Filters;

public sealed class PropertyFilterTests
{
    private static readonly JsonElement Props = JsonDocument.Parse("""{"n": 5, "s": "Hello", "z": "05", "b": true, "nil": null, "o": {"x": 1}}""").RootElement;

    [Theory]
    [InlineData("n", FilterOp.Eq, "5", true)]
    [InlineData("n", FilterOp.Eq, "\"5\"", true)]
    [InlineData("n", FilterOp.Eq, "\"5.0\"", true)]
    [InlineData("z", FilterOp.Eq, "\"5\"", false)]
    [InlineData("z", FilterOp.Eq, "5", true)]
    [InlineData("s", FilterOp.Eq, "\"hello\"", false)]
    [InlineData("s", FilterOp.Contains, "\"ELL\"", true)]
    [InlineData("b", FilterOp.Eq, "true", true)]
    [InlineData("b", FilterOp.Eq, "\"true\"", true)]
    [InlineData("n", FilterOp.Gt, "4", true)]
    [InlineData("n", FilterOp.Gt, "5", false)]
    [InlineData("n", FilterOp.Lt, "\"6\"", true)]
    [InlineData("s", FilterOp.Gt, "1", false)]
    [InlineData("n", FilterOp.In, "[1, 5]", true)]
    [InlineData("s", FilterOp.In, "[\"a\", \"b\"]", false)]
    [InlineData("missing", FilterOp.Neq, "\"x\"", true)]
    [InlineData("missing", FilterOp.Eq, "\"x\"", false)]
    [InlineData("nil", FilterOp.Set, null, false)]
    [InlineData("nil", FilterOp.NotSet, null, true)]
    [InlineData("o", FilterOp.Set, null, true)]
    [InlineData("o", FilterOp.Eq, "\"x\"", false)]
    public void Matches_as_documented(string prop, FilterOp op, string? value, bool expected)
    {
        var filter = new PropertyFilter(prop, op, value is null ? null : JsonDocument.Parse(value).RootElement, PropertyScope.Event);

        Assert.Equal(expected, filter.Matches(Props));
    }

    [Fact]
    public void No_props_at_all_is_not_set() =>
        Assert.True(new PropertyFilter("p", FilterOp.NotSet, null, PropertyScope.User).Matches(null));
}
