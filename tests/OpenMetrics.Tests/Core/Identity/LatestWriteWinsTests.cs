using System.Text.Json;
using OpenMetrics.Core.Identity;

namespace OpenMetrics.Tests.Core.Identity;

public sealed class LatestWriteWinsTests
{
    [Fact]
    public void A_later_write_replaces_and_an_earlier_one_is_ignored_whatever_the_processing_order()
    {
        var props = LatestWriteWins.Parse(null, null);

        props.Apply(Json("""{"plan":"pro","seats":3}"""), ticks: 200);
        props.Apply(Json("""{"plan":"free","country":"NL"}"""), ticks: 100);

        Assert.Equal("""{"plan":"pro","seats":3,"country":"NL"}""", props.ValuesJson);
    }

    [Fact]
    public void A_merge_keeps_per_key_the_value_written_last()
    {
        var into = LatestWriteWins.Parse(null, null);
        into.Apply(Json("""{"plan":"free","name":"Ann"}"""), ticks: 100);
        var from = LatestWriteWins.Parse(null, null);
        from.Apply(Json("""{"plan":"pro","name":"anon"}"""), ticks: 150);
        from.Apply(Json("""{"name":"older"}"""), ticks: 50);
        var fromRoundTripped = LatestWriteWins.Parse(from.ValuesJson, from.TimesJson);

        into.Merge(fromRoundTripped);

        Assert.Equal("""{"plan":"pro","name":"anon"}""", into.ValuesJson);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
