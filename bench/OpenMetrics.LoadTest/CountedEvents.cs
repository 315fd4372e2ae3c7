using System.Text;
using System.Text.Json;

namespace OpenMetrics.LoadTest;

/// <summary>
/// The zero-loss check: how many events the product counts, read the way a user reads them (a trend of any event,
/// over a range that holds the whole run), to compare with the events of the calls answered <c>ok</c>.
/// </summary>
internal static class CountedEvents
{
    public static async Task<long> TotalAsync(HttpClient http, string queryKey)
    {
        var now = DateTimeOffset.UtcNow;
        var query = JsonSerializer.Serialize(new
        {
            series = new[] { new { @event = "*" } },
            interval = "total",
            from = now.AddDays(-1).ToString("O"),
            to = now.AddDays(1).ToString("O"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/query/trends") { Content = new StringContent(query, Encoding.UTF8, "application/json") };
        request.Headers.Add(OpenMetrics.Apps.Query.Access.QueryKey.Header, queryKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The trend query answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return (long)document.RootElement.GetProperty("series")[0].GetProperty("total").GetDouble();
    }
}
