using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using OpenMetrics.Apps.BrowserClient;
using OpenMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>How the local host (and so the ingest app, which serves the same handler) serves client.js.</summary>
[Collection(StorageCollection.Name)]
public sealed class ClientScriptTests(LocalHostFixture host, ITestOutputHelper output)
{
    private const string Route = "/apis/javascript/client.js";

    [Fact]
    public async Task It_is_javascript_any_origin_may_load_cached_for_an_hour_and_revalidated()
    {
        using var response = await host.Http.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl!.MaxAge);
        Assert.True(response.Headers.CacheControl.Public);
        Assert.Equal(ClientScript.Embedded.Plain.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("window.OpenMetrics = OpenMetrics", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_that_has_it_gets_304_for_its_etag()
    {
        using var first = await host.Http.GetAsync(Route);
        using var again = new HttpRequestMessage(HttpMethod.Get, Route);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await host.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task It_is_sent_gzipped_when_accepted_and_stays_under_5_KB()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await host.Http.SendAsync(request);
        var gzipped = await response.Content.ReadAsByteArrayAsync();
        using var unzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await unzip.CopyToAsync(plain);
        output.WriteLine($"client.js: {ClientScript.Embedded.Plain.Length} bytes, {gzipped.Length} bytes gzipped");

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(ClientScript.Embedded.Plain.ToArray(), plain.ToArray());
        Assert.True(gzipped.Length < 5 * 1024, $"client.js is {gzipped.Length} bytes gzipped");
    }
}
