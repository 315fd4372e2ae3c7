using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Tests.Core.Ingest;

public sealed class IngestMessageBuilderTests
{
    /// <summary>A reader independent of the builder's own generated serializer: plain web defaults.</summary>
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly DateTimeOffset Received = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_small_call_is_one_message()
    {
        var messages = IngestMessageBuilder.Build(Call(Events(3, propBytes: 10)));

        var message = Assert.Single(messages);
        Assert.Equal(("call1.0", 0, 1, false), (message.Id, message.Message.Part, message.Message.Parts, message.NeedsClaimCheck));
    }

    [Fact]
    public void A_large_batch_is_split_in_order_into_parts_that_each_fit_a_queue_message()
    {
        // 200 events of about 1 KiB each: about 200 KiB, so at least five parts of at most 48 KiB.
        var events = Events(200, propBytes: 1000);

        var messages = IngestMessageBuilder.Build(Call(events));

        Assert.InRange(messages.Count, 5, 6);
        Assert.All(messages, m => Assert.InRange(m.Json.Length, 1, IngestMessageBuilder.MaxMessageBytes));
        Assert.All(messages, m => Assert.False(m.NeedsClaimCheck));
        Assert.Equal(Enumerable.Range(0, messages.Count), messages.Select(m => m.Message.Part));
        Assert.All(messages, m => Assert.Equal(messages.Count, m.Message.Parts));
        Assert.Equal(messages.Count, messages.Select(m => m.Id).Distinct().Count());
        Assert.Equal(events.Select(e => e.Id), messages.SelectMany(m => m.Message.Events!).Select(e => e.Id));
    }

    [Fact]
    public void Each_part_is_the_serialized_message_it_describes()
    {
        var messages = IngestMessageBuilder.Build(Call(Events(120, propBytes: 1000)));

        foreach (var message in messages)
        {
            using var json = JsonDocument.Parse(message.Json);
            Assert.Equal(message.Message.Events!.Count, json.RootElement.GetProperty("events").GetArrayLength());
            Assert.Equal(message.Id, json.RootElement.GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Each_part_reads_back_as_the_message_it_describes()
    {
        var messages = IngestMessageBuilder.Build(Call(Events(120, propBytes: 1000)));

        foreach (var message in messages)
        {
            var read = JsonSerializer.Deserialize<IngestMessage>(message.Json, WebJson)!;
            Assert.Equal((message.Message.Id, message.Message.Part, message.Message.Parts, V1Call.Events), (read.Id, read.Part, read.Parts, read.Kind));
            Assert.Equal(message.Message.Events!.Select(e => (e.Id, e.Seq, e.Ts)), read.Events!.Select(e => (e.Id, e.Seq, e.Ts)));
        }
    }

    [Fact]
    public void An_event_too_large_for_any_message_gets_a_part_of_its_own_marked_for_a_claim_check()
    {
        var events = Events(3, propBytes: 100).ToList();
        events.Insert(1, Event(99, propBytes: 60_000));

        var messages = IngestMessageBuilder.Build(Call(events));

        Assert.Equal([false, true, false], messages.Select(m => m.NeedsClaimCheck));
        Assert.Equal([1, 1, 2], messages.Select(m => m.Message.Events!.Count));
    }

    [Fact]
    public void Huge_props_on_a_props_call_are_marked_for_a_claim_check()
    {
        var props = JsonSerializer.SerializeToElement(Enumerable.Range(0, 10).ToDictionary(i => $"k{i}", _ => new string('v', 8000)));
        var call = Call(null) with { Kind = V1Call.SetUserProps, Props = props };

        var message = Assert.Single(IngestMessageBuilder.Build(call));

        Assert.True(message.NeedsClaimCheck);
    }

    private static ValidatedCall Call(IReadOnlyList<IngestEvent>? events) =>
        new(V1Call.Events, "call1", Received, "session", null, null, null, events, []);

    private static List<IngestEvent> Events(int count, int propBytes) => Enumerable.Range(0, count).Select(i => Event(i, propBytes)).ToList();

    private static IngestEvent Event(int index, int propBytes) => new(
        $"call1:{index}", "page_view", Received, index,
        JsonSerializer.SerializeToElement(new { text = new string('x', propBytes) }), true);
}
