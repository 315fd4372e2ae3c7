using System.Text.Json;

namespace OpenMetrics.Benchmarks;

/// <summary>A /v1/events payload shaped like a browser client's: page views with a handful of props.</summary>
internal static class SamplePayload
{
    public static byte[] Events(int count)
    {
        var start = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var events = Enumerable.Range(0, count).Select(i => new
        {
            name = i % 5 == 0 ? "signup_clicked" : "page_view",
            ts = start + i * 1000,
            props = new
            {
                path = $"/products/{i % 40}",
                referrer = "https://news.example/article",
                screen = "1920x1080",
                plan = i % 3 == 0 ? "pro" : "free",
                items = i % 7,
            },
        });
        return JsonSerializer.SerializeToUtf8Bytes(new { sessionId = "0f8e2a1c-5b7d-4e3f-9a6b-1c2d3e4f5a6b", events });
    }
}
