using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>With storage unreachable, a call is answered 503 with Retry-After, never <c>ok</c>.</summary>
public sealed class StorageUnavailableTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // Ports nothing listens on: every storage request is refused at once.
        var deadStorage = AzuriteProcess.ConnectionStringFor(AzuritePorts.Free());
        var port = AzuritePorts.FreePort();
        _app = LocalHostApp.Build(new LocalHostOptions { Port = port, StorageConnectionString = deadStorage, StartAzurite = false });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
    }

    [Theory]
    [InlineData("/v1/events", """{"sessionId":"s","events":[{"name":"a"}]}""")]
    [InlineData("/v1/createUser", """{"sessionId":"s"}""")]
    [InlineData("/v1/setUserId", """{"sessionId":"s","userId":"u"}""")]
    [InlineData("/v1/setUserProps", """{"sessionId":"s","props":{"a":1}}""")]
    [InlineData("/v1/setSessionProps", """{"sessionId":"s","props":{"a":1}}""")]
    public async Task Calls_are_answered_503_with_retry_after(string route, string body)
    {
        using var response = await _http.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter!.Delta);
        Assert.NotEqual("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("Retry-After", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task Ping_still_answers_because_it_needs_no_storage()
    {
        Assert.Equal("pong", await _http.GetStringAsync("/v1/ping"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
