using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Tests.Core.Query.Funnels;
using OpenMetrics.Tests.Core.Query.Retention;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Query.Snapshots;

/// <summary>
/// Saved funnels and retentions answered from their snapshots (docs/query.md, "Saved things"), written by the refresher the
/// snapshot timers call, over a real Azurite with the events of <see cref="FunnelData"/> and <see cref="RetentionData"/>.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class SnapshotAnswersTests(QueryHostFixture host) : IAsyncLifetime
{
    public static TheoryData<string, string, string> Definitions() => new()
    {
        { "funnels", "/api/query/funnel", FunnelData.Query() },
        { "funnels", "/api/query/funnel", FunnelData.Query(""","order":"strict","window":"P1D" """).Replace("\"window\":\"P7D\",", "", StringComparison.Ordinal) },
        { "funnels", "/api/query/funnel", FunnelData.Query(""","order":"any","breakdown":{"prop":"plan"},"exclusions":[{"event":"fcancel"}]""") },
        { "retentions", "/api/query/retention", RetentionData.Query() },
        { "retentions", "/api/query/retention", RetentionData.Query(""","type":"recurring","unbounded":true,"tz":"America/New_York" """) },
        { "retentions", "/api/query/retention", """{"returnEvent":"ropen","period":"week","periods":2,"from":"2025-04-01","to":"2025-04-04"}""" },
    };

    public async Task InitializeAsync()
    {
        await FunnelData.EnsureAsync(host);
        await RetentionData.EnsureAsync(host);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task The_timers_snapshot_of_a_saved_definition_equals_its_on_demand_answer(string kind, string route, string definition)
    {
        var id = await SaveAsync(kind, definition);
        var written = await host.Services.GetRequiredService<SnapshotRefresher>().RefreshAllAsync(CancellationToken.None);

        var snapshot = await FunnelData.PostAsync(host, route, $$"""{"id":"{{id}}"}""");
        var onDemand = await FunnelData.PostAsync(host, route, definition[..^1] + ""","fresh":true}""");

        Assert.True(written >= 1);
        Assert.Equal("snapshot", Meta(snapshot, "source"));
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("meta").GetProperty("reason").ValueKind);
        Assert.Equal("raw", Meta(onDemand, "source"));
        Assert.Equal(Numbers(onDemand), Numbers(snapshot));
    }

    [Fact]
    public async Task A_saved_definition_without_a_snapshot_is_computed_once_and_then_served_from_it()
    {
        var id = await SaveAsync("funnels", FunnelData.Query(""","window":"P3D" """).Replace("\"window\":\"P7D\",", "", StringComparison.Ordinal));

        var first = await FunnelData.PostAsync(host, "/api/query/funnel", $$"""{"id":"{{id}}"}""");
        var second = await FunnelData.PostAsync(host, "/api/query/funnel", $$"""{"id":"{{id}}"}""");

        Assert.Equal(("snapshot", "no snapshot yet: computed now and kept"), (Meta(first, "source"), Meta(first, "reason")));
        Assert.Equal(Meta(first, "computedAt"), Meta(second, "computedAt"));
        Assert.Equal([5, 4, 2], FunnelData.Users(second.GetProperty("steps")));
    }

    [Fact]
    public async Task Changing_a_saved_definition_makes_its_snapshot_stale()
    {
        var id = await SaveAsync("funnels", FunnelData.Query(""","window":"P5D" """).Replace("\"window\":\"P7D\",", "", StringComparison.Ordinal));
        await FunnelData.PostAsync(host, "/api/query/funnel", $$"""{"id":"{{id}}"}""");

        var strict = FunnelData.Query(""","window":"P5D","order":"strict","name":"changed" """).Replace("\"window\":\"P7D\",", "", StringComparison.Ordinal);
        using var put = await host.Api.PutAsync($"/api/funnels/{id}", new StringContent(strict));
        put.EnsureSuccessStatusCode();
        var after = await FunnelData.PostAsync(host, "/api/query/funnel", $$"""{"id":"{{id}}"}""");

        Assert.Equal("the definition changed since its last snapshot: computed now and kept", Meta(after, "reason"));
        Assert.Equal([5, 3, 1], FunnelData.Users(after.GetProperty("steps")));
    }

    [Fact]
    public async Task The_dropoff_of_a_saved_funnel_comes_from_its_snapshot()
    {
        var id = await SaveAsync("funnels", FunnelData.Query(""","window":"P6D" """).Replace("\"window\":\"P7D\",", "", StringComparison.Ordinal));

        using var response = await host.Api.GetAsync($"/api/query/funnel/dropoff?id={id}&step=0");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var dropoff = JsonDocument.Parse(body);

        Assert.Equal(["$anon:f-s6"], dropoff.RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("snapshot", dropoff.RootElement.GetProperty("meta").GetProperty("source").GetString());
    }

    private async Task<string> SaveAsync(string kind, string definition)
    {
        var named = definition.Contains("\"name\"", StringComparison.Ordinal) ? definition : definition[..^1] + ""","name":"saved for a test"}""";
        using var response = await host.Api.PostAsync($"/api/{kind}", new StringContent(named));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var saved = JsonDocument.Parse(body);
        return saved.RootElement.GetProperty("id").GetString()!;
    }

    private static string? Meta(JsonElement answer, string field) =>
        answer.GetProperty("meta").GetProperty(field) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The answer without its meta: the numbers (steps, breakdowns, cohorts, average) as JSON text.</summary>
    private static string Numbers(JsonElement answer) =>
        string.Join("\n", answer.EnumerateObject().Where(p => p.Name != "meta").Select(p => p.Name + "=" + p.Value.GetRawText()));
}
