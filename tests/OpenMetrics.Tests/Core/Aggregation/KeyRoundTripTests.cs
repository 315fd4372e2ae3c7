using System.Text.Json;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Aggregation;

/// <summary>Ids and names with characters Azure Table keys forbid, unicode and control characters are stored and read back exactly.</summary>
[Collection(StorageCollection.Name)]
public sealed class KeyRoundTripTests(LocalHostFixture host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("a/b\\c#d?e")]
    [InlineData("ü 日本 🎉")]
    [InlineData("tab\tnew\nline\u0001\u007f")]
    [InlineData("50%|*|%2F")]
    public async Task Session_user_and_event_names_round_trip_through_every_table(string awkward)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (session, user, name) = ($"{awkward}s{run}", $"{awkward}u{run}", $"{awkward}e{run}");
        using var harness = new AggregationHarness(host.Azurite.ConnectionString);
        await host.PostOkAsync("/v1/events", JsonSerializer.Serialize(new { sessionId = session, events = new[] { new { name, ts = "2026-11-23T12:00:00Z" } } }));
        await host.PostOkAsync("/v1/setUserId", JsonSerializer.Serialize(new { sessionId = session, userId = user }));
        await harness.ProcessAllAsync(await host.TakeIngestQueueAsync());

        var stored = await harness.Events.ReadSessionAsync(session, default);

        Assert.Equal([(session, name)], stored.Select(e => (e.SessionId, e.Name)));
        Assert.Equal(user, (await harness.Identity.ReadSessionAsync(session, default))!.GetString("UserKey"));
        Assert.Equal([session], await harness.Rows.UserSessionsAsync(user, default));
        Assert.Equal(1, (await harness.Rows.FiguresAsync("20261123", "d", name, default)).Count);
        Assert.Equal(1, await harness.Rows.MemberCountAsync("202611", "d23", MemberKeys.EventPart(name), default));
    }

}
