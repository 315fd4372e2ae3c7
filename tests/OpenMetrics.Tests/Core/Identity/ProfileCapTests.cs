using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Identity;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Identity;

/// <summary>
/// A profile's props accumulate over many calls, each within the v1 limits; the union is held to the profile cap
/// (docs/reliability.md, "Hostile input"): 2,000 keys and 450,000 bytes as stored. Through the real ingest and the
/// real <c>IngestProcessor</c>: every call answered <c>ok</c> is processed without throwing (nothing goes to poison),
/// and the profile keeps exactly the keys the documented rule keeps.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ProfileCapTests(LocalHostFixture host) : IAsyncLifetime
{
    /// <summary>A value of 8,000 characters: about 8,070 bytes a key stored, so 55 such keys fit a profile and 56 do not.</summary>
    private static readonly string Big = new('x', 8000);

    public Task InitializeAsync() => host.ClearIngestQueueAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Big_keys_over_many_calls_fill_the_profile_to_its_size_cap_and_the_keys_past_it_are_dropped_without_poison()
    {
        var session = NewSession();
        await SetAsync("/v1/setUserProps", session, Keys("a", 30, Big));
        await SetAsync("/v1/setUserProps", session, Keys("b", 30, Big));
        await SetAsync("/v1/setUserProps", session, new Dictionary<string, object> { ["plan"] = "pro" });

        await ProcessQueueAsync();

        // 55 keys of 8,000 characters fit 450,000 bytes; the 56th does not. Keys are taken in the order sent, and a key
        // that does not fit does not stop a later, smaller one.
        var profile = await UserPropsAsync(session);
        var expected = Names("a", 30).Concat(Names("b", 25)).Append("plan");
        Assert.Equal(expected.Order(StringComparer.Ordinal), profile.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Big, profile["b24"]!.GetValue<string>());
        Assert.Equal("pro", profile["plan"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_profile_just_under_the_size_cap_is_stored_whole()
    {
        var session = NewSession();
        await SetAsync("/v1/setUserProps", session, Keys("a", 30, Big));
        await SetAsync("/v1/setUserProps", session, Keys("b", 25, Big));

        await ProcessQueueAsync();

        var profile = await UserPropsAsync(session);
        Assert.Equal(55, profile.Count);
        Assert.All(profile, pair => Assert.Equal(Big, pair.Value!.GetValue<string>()));
    }

    [Fact]
    public async Task A_profile_holds_2000_keys_whole_and_past_them_only_its_keys_are_updated()
    {
        var session = NewSession();
        for (var call = 0; call < 8; call++)
        {
            await SetAsync("/v1/setUserProps", session, Enumerable.Range(call * 250, 250).ToDictionary(i => $"k{i:0000}", i => (object)i));
        }

        await SetAsync("/v1/setUserProps", session, new Dictionary<string, object> { ["k0000"] = "updated", ["new1"] = 1, ["new2"] = 2 });

        await ProcessQueueAsync();

        var profile = await UserPropsAsync(session);
        Assert.Equal(2000, profile.Count);
        Assert.Equal("updated", profile["k0000"]!.GetValue<string>());
        Assert.Equal(1999, profile["k1999"]!.GetValue<int>());
        Assert.False(profile.ContainsKey("new1"));
        Assert.False(profile.ContainsKey("new2"));
    }

    [Fact]
    public async Task Session_props_are_held_to_the_same_cap()
    {
        var session = NewSession();
        await SetAsync("/v1/setSessionProps", session, Keys("a", 40, Big));
        await SetAsync("/v1/setSessionProps", session, Keys("b", 40, Big));

        await ProcessQueueAsync();

        var row = (await host.Storage.Tables().GetTableClient(StorageNames.IdentityTable)
            .GetEntityAsync<Azure.Data.Tables.TableEntity>(IdentityKeys.SessionPartition(session), IdentityKeys.SessionRow)).Value;
        var props = JsonNode.Parse(EntityText.Read(row, "Props")!)!.AsObject();
        Assert.Equal(Names("a", 40).Concat(Names("b", 15)).Order(StringComparer.Ordinal), props.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_merge_of_two_full_profiles_keeps_the_user_merged_into_and_as_many_of_the_other_keys_as_fit()
    {
        var anonymous = NewSession();
        var known = NewSession();
        var userId = "capped-" + Guid.NewGuid().ToString("N")[..8];
        await host.PostOkAsync("/v1/setUserId", JsonSerializer.Serialize(new { sessionId = known, userId }));
        await SetAsync("/v1/setUserProps", known, Keys("b", 40, Big));
        await SetAsync("/v1/setUserProps", anonymous, Keys("a", 40, Big));
        await host.PostOkAsync("/v1/setUserId", JsonSerializer.Serialize(new { sessionId = anonymous, userId }));

        await ProcessQueueAsync();

        var profile = await PropsOfUserAsync(userId);
        Assert.Equal(55, profile.Count);
        Assert.All(Names("b", 40), key => Assert.True(profile.ContainsKey(key), key));
    }

    [Fact]
    public async Task A_profile_that_shrinks_to_fewer_chunks_reads_back_whole()
    {
        var session = NewSession();
        await SetAsync("/v1/setUserProps", session, Keys("a", 10, Big));
        await ProcessQueueAsync();
        await SetAsync("/v1/setUserProps", session, Keys("a", 10, "short"));
        await SetAsync("/v1/setUserProps", session, new Dictionary<string, object> { ["plan"] = "pro" });

        await ProcessQueueAsync();

        var profile = await UserPropsAsync(session);
        Assert.Equal(Names("a", 10).Append("plan").Order(StringComparer.Ordinal), profile.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(Names("a", 10), key => Assert.Equal("short", profile[key]!.GetValue<string>()));
    }

    [Fact]
    public async Task One_call_whose_props_alone_would_not_fit_a_profile_is_a_400_naming_the_cap()
    {
        // 255 keys of 200 characters with values of 1,330: under the 400,000 bytes of one props object, but with each
        // key's write time the profile would take about 455,000 bytes.
        var props = Enumerable.Range(0, 255).ToDictionary(i => $"{i:000}" + new string('k', 197), _ => (object)new string('v', 1330));

        using var response = await host.Http.PostAsync("/v1/setUserProps", Json(new { sessionId = NewSession(), props }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"^props would take \d+ bytes of a profile as stored; a profile holds at most 450000$", await response.Content.ReadAsStringAsync());
        Assert.Empty(await host.ReadIngestQueueAsync());
    }

    private static string NewSession() => "cap-" + Guid.NewGuid().ToString("N")[..12];

    private static Dictionary<string, object> Keys(string prefix, int count, string value) =>
        Names(prefix, count).ToDictionary(name => name, _ => (object)value);

    private static IEnumerable<string> Names(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}{i:00}");

    private static StringContent Json(object payload) => new(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");

    private async Task SetAsync(string route, string session, Dictionary<string, object> props) =>
        await host.PostOkAsync(route, JsonSerializer.Serialize(new { sessionId = session, props }));

    /// <summary>Every message the calls made, processed in order as the queue trigger would; any throw fails the test (it would end in poison).</summary>
    private async Task ProcessQueueAsync()
    {
        using var aggregation = new AggregationHarness(host.Azurite.ConnectionString);
        await aggregation.ProcessAllAsync(await host.TakeIngestQueueAsync());
    }

    private Task<JsonObject> UserPropsAsync(string session) => PropsOfUserAsync(UserKeys.Anonymous(session));

    private async Task<JsonObject> PropsOfUserAsync(string userKey)
    {
        var row = (await host.Storage.Tables().GetTableClient(StorageNames.IdentityTable)
            .GetEntityAsync<Azure.Data.Tables.TableEntity>(IdentityKeys.UserPartition(userKey), IdentityKeys.ProfileRow)).Value;
        return JsonNode.Parse(EntityText.Read(row, "Props")!)!.AsObject();
    }
}
