using System.Net;
using System.Text;
using System.Text.Json;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>Calls larger than one queue message are split or claim-checked and arrive whole, never refused for their size.</summary>
[Collection(StorageCollection.Name)]
public sealed class LargeCallTests(LocalHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_200_KiB_batch_is_accepted_and_arrives_whole_across_messages()
    {
        var sent = Enumerable.Range(0, 400).Select(i => new { name = $"view-{i}", props = new { path = $"/page/{i}", filler = new string('x', 480) } }).ToList();
        var body = JsonSerializer.Serialize(new { sessionId = "big", events = sent });
        Assert.InRange(body.Length, 200 * 1024, 230 * 1024);

        using var response = await host.Http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var messages = (await host.ReadIngestQueueAsync()).OrderBy(m => m.Part).ToList();
        Assert.True(messages.Count >= 5, $"expected the batch split across at least 5 messages, got {messages.Count}");
        Assert.Single(messages.Select(m => m.CallId).Distinct());
        Assert.All(messages, m => Assert.Equal(messages.Count, m.Parts));
        var received = messages.SelectMany(m => m.Events!).ToList();
        Assert.Equal(sent.Select(e => e.name), received.Select(e => e.Name));
        Assert.Equal(sent.Select(e => e.props.path), received.Select(e => e.Props!.Value.GetProperty("path").GetString()));
        Assert.Equal(Enumerable.Range(0, 400), received.Select(e => e.Seq));
    }

    [Fact]
    public async Task An_event_larger_than_a_queue_message_is_claim_checked_and_read_back_whole()
    {
        var props = Enumerable.Range(0, 20).ToDictionary(i => $"k{i}", i => new string((char)('a' + i), 8000));
        var body = JsonSerializer.Serialize(new { sessionId = "huge", events = new[] { new { name = "upload", props } } });

        using var response = await host.Http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rawMessage = Assert.Single((await host.IngestQueue.PeekMessagesAsync(32)).Value);
        Assert.InRange(rawMessage.Body.ToArray().Length, 1, 2048);
        using var envelope = JsonDocument.Parse(rawMessage.Body.ToString());
        var blobName = envelope.RootElement.GetProperty("claimCheck").GetString()!;
        Assert.True((await host.Storage.Blobs().GetBlobContainerClient("ingest-claims").GetBlobClient(blobName).ExistsAsync()).Value);
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        var received = Assert.Single(message.Events!).Props!.Value;
        Assert.All(props, pair => Assert.Equal(pair.Value, received.GetProperty(pair.Key).GetString()));
    }

    [Fact]
    public async Task Large_user_props_are_claim_checked_and_read_back_whole()
    {
        var props = Enumerable.Range(0, 10).ToDictionary(i => $"p{i}", _ => new string('z', 8192));
        var body = JsonSerializer.Serialize(new { sessionId = "s", props });

        using var response = await host.Http.PostAsync("/v1/setUserProps", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await host.ReadIngestQueueAsync());
        Assert.Equal(V1Call.SetUserProps, message.Kind);
        Assert.Equal(10, message.Props!.Value.EnumerateObject().Count());
    }
}
