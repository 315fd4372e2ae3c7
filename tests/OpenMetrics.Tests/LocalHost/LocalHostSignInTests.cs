using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using OpenMetrics.Apps.Query.Access;
using OpenMetrics.Core.Query.Access;
using OpenMetrics.LocalHost;

namespace OpenMetrics.Tests.LocalHost;

/// <summary>
/// The local host has no App Service authentication in front of it: an identity header is whatever a client wrote, so
/// it is refused even when an operator passes the setting that trusts it in Azure.
/// </summary>
public sealed class LocalHostSignInTests : IAsyncLifetime
{
    private const string Key = "local-sign-in-test-key";
    private AzuriteProcess _azurite = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(AzuritePorts.Free(), dataFolder: null);
        var port = AzuritePorts.FreePort();
        var options = new LocalHostOptions
        {
            Port = port, StorageConnectionString = _azurite.ConnectionString, StartAzurite = false,
            RunQueues = false, RunTimers = false, QueryKey = Key,
        };
        _app = LocalHostApp.Build(options, [$"--{SignInOptions.Section}:{nameof(SignInOptions.PlatformSignIn)}=true"]);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
    }

    [Fact]
    public async Task A_forged_identity_header_is_refused()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"name","val":"Mallory"}]}"""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/settings");
        request.Headers.Add(PlatformPrincipal.Header, forged);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_key_still_works()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/settings");
        request.Headers.Add(QueryKey.Header, Key);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
