using OpenMetrics.Client;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Client;

/// <summary>
/// The .NET client against a real local host that requires a write key; the collection's host stores what it accepts,
/// so a test checks what was delivered in the stored data.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class WriteKeyClientTests(ClientHostFixture host) : IAsyncLifetime
{
    private const string Key = "client-write-key-5d81e2";

    private SecondHost _keyed = null!;

    public async Task InitializeAsync() =>
        _keyed = await SecondHost.RequiringWriteKeysAsync(host.Azurite.ConnectionString, Key);

    public async Task DisposeAsync() => await _keyed.DisposeAsync();

    [Fact]
    public async Task Given_the_write_key_every_call_is_accepted_and_stored()
    {
        var session = $"keyed-{Guid.NewGuid():N}";
        using var observed = new ObservedHandler();
        await using (var client = NewClient(observed, Key))
        {
            client.SetSessionProperties(session, new { source = "server" });
            client.LogEvent(session, "invoice paid", new { amount = 12 });
            client.SetUserId(session, session + "-user");
            await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        var stored = await host.WaitForSessionAsync(session, events: 1);

        Assert.All(observed.Answers, answer => Assert.Equal(200, answer.Status));
        Assert.Equal(["invoice paid"], stored.EventNames);
        Assert.Equal(session + "-user", stored.UserKey);
        Assert.Equal("server", stored.SessionProps["source"].GetString());
    }

    [Fact]
    public async Task Without_the_write_key_the_server_refuses_with_401_and_the_client_drops_the_call()
    {
        using var observed = new ObservedHandler();
        await using (var client = NewClient(observed, writeKey: null))
        {
            client.LogEvent($"unkeyed-{Guid.NewGuid():N}", "signup");
            await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal([401], observed.Answers.Select(answer => answer.Status));
    }

    private OpenMetricsClient NewClient(HttpMessageHandler handler, string? writeKey) =>
        new(new OpenMetricsClientOptions { ServerUrl = _keyed.BaseAddress, WriteKey = writeKey, ShutdownTimeout = TimeSpan.FromSeconds(30) },
            new HttpClient(handler, disposeHandler: false));
}
