using OpenMetrics.Storage;

namespace OpenMetrics.Tests.Core.Storage;

/// <summary>The one place a prefix scan's end is computed: it must hold every key with the prefix and nothing else.</summary>
public sealed class KeyRangeTests
{
    [Theory]
    [InlineData("s_", "s`")]
    [InlineData("d|", "d}")]
    [InlineData("view|", "view}")]
    [InlineData("20261109", "2026110:")]
    public void A_prefix_ends_at_its_last_character_moved_one_up(string prefix, string before) =>
        Assert.Equal(new KeyRange(prefix, before), KeyRange.StartingWith(prefix));

    [Fact]
    public void A_prefix_range_holds_the_keys_that_start_with_it_and_no_other()
    {
        var users = KeyRange.StartingWith("u_");

        Assert.True(users.Contains("u_"));
        Assert.True(users.Contains("u_alice"));
        Assert.True(users.Contains("u_~" + new string('f', 32)));
        Assert.False(users.Contains("u"));
        Assert.False(users.Contains("u`"));
        Assert.False(users.Contains("s_alice"));
        Assert.False(users.Contains("ua"));
    }

    [Fact]
    public void A_span_runs_from_the_first_prefix_to_every_key_of_the_last()
    {
        // Hour buckets h03 to h05 of an Aggregates day partition: h05's rows are h05|…, and h06 is out.
        var hours = KeyRange.Spanning("h03", "h05");

        Assert.True(hours.Contains("h03|view|0"));
        Assert.True(hours.Contains("h05|view|1abc"));
        Assert.False(hours.Contains("h06|view|0"));
        Assert.False(hours.Contains("h02|view|0"));
    }

    [Fact]
    public void The_filter_is_the_text_the_service_is_sent() =>
        Assert.Equal("PartitionKey ge 's_' and PartitionKey lt 's`'", KeyRange.StartingWith("s_").PartitionFilter());

    [Fact]
    public void An_empty_prefix_is_refused() => Assert.Throws<ArgumentException>(() => KeyRange.StartingWith(""));
}
