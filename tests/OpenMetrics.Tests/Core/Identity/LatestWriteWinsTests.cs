using System.Text.Json;
using OpenMetrics.Core.Identity;
using OpenMetrics.Core.Storage;

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

    [Fact]
    public void The_stored_size_kept_write_by_write_is_the_size_of_the_bag_measured_whole()
    {
        var props = LatestWriteWins.Parse(null, null);

        props.Apply(Json("""{"plan":"pro","<a>":"&'+\"","émoji":"😀","n":[1,{"x":null}],"t":true}"""), ticks: 638_000_000_000_000_000);
        props.Apply(Json("""{"plan":"enterprise","seats":12}"""), ticks: 638_000_000_000_000_001);
        props.Apply(Json("""{"plan":"x"}"""), ticks: 5);

        var whole = StoredJson.SentLength(props.ValuesJson) + StoredJson.SentLength(props.TimesJson);
        Assert.Equal(whole, props.StoredBytes);
        Assert.Equal(whole, LatestWriteWins.Parse(props.ValuesJson, props.TimesJson).StoredBytes);
        Assert.Empty(props.Dropped);
    }

    [Fact]
    public void A_call_alone_measures_what_it_would_take_as_the_only_keys_of_a_profile()
    {
        var call = Json("""{"plan":"pro","<a>":"&'+","émoji":"😀"}""");
        var props = LatestWriteWins.Parse(null, null);

        props.Apply(call, ticks: 638_000_000_000_000_000);

        Assert.Equal(props.StoredBytes, LatestWriteWins.StoredBytesAlone(call, 638_000_000_000_000_000));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
