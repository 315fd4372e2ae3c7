using System.Net;
using System.Text;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>
/// What an upload answers: the 4xx of a bad request before anything is stored, the parts of a file with its line
/// numbers continuing as if one file, the refused rows listed by line, and a truncated gzip that ends the import
/// <c>failed</c> with nothing queued. Chunks hold 2 records here (<see cref="SmallImportsHostFixture"/>).
/// </summary>
public sealed class ImportUploadTests(SmallImportsHostFixture host) : IClassFixture<SmallImportsHostFixture>, IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync() => await host.Queue().TakeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", "format")]
    [InlineData("excel", "format")]
    public async Task An_unknown_or_missing_format_is_a_400_naming_it(string format, string field)
    {
        var upload = await host.UploadAsync(format, Event(1));

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal(field, upload.Body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_empty_body_is_a_400_naming_the_body()
    {
        var upload = await host.UploadAsync("openmetrics", "");

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("body", upload.Body.GetProperty("field").GetString());
        Assert.Empty(await host.Queue().TakeAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_the_format_is_a_400_at_once()
    {
        // A PNG's first bytes: not text, so no NDJSON, JSON array or CSV of any format.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01, 0xFF, 0xFE];
        var upload = await host.UploadAsync("mixpanel", png);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("body", upload.Body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_request_over_the_size_setting_is_a_413()
    {
        // 4,097 bytes: one more than the setting.
        var upload = await host.UploadAsync("openmetrics", Encoding.UTF8.GetBytes(Event(1).PadRight(SmallImportsHostFixture.MaxRequestBytes + 1)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.Status);
    }

    [Fact]
    public async Task Unknown_imports_are_404s()
    {
        using var unknown = await host.Api.GetAsync("/api/imports/0123456789abcdef0123456789abcdef");
        using var notAnId = await host.Api.GetAsync("/api/imports/not-an-id");
        var part = await host.UploadAsync("openmetrics", Event(1), importId: "0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, part.Status);
    }

    [Fact]
    public async Task A_part_after_the_final_one_is_a_409()
    {
        var upload = await host.UploadAsync("openmetrics", Event(1));
        var late = await host.UploadAsync("openmetrics", Event(2), importId: upload.Id);

        Assert.Equal("queued", upload.Body.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
    }

    [Fact]
    public async Task Lines_continue_across_parts_and_refused_rows_are_listed_by_line()
    {
        // Part 1: lines 1 (ok), 2 (not JSON), 3 (ok); part 2: its lines 1 (ok) and 2 (no name) are the file's 4 and 5.
        var first = await host.UploadAsync("openmetrics", ImportsApi.Lines(Event(1), "{not json", Event(3)), final: false);
        Assert.Equal("uploading", first.Body.GetProperty("state").GetString());
        var second = await host.UploadAsync("openmetrics", ImportsApi.Lines(Event(4), $$"""{"ts":"2025-05-05T10:00:00Z","userId":"u-{{_run}}","id":"x5"}"""), importId: first.Id);
        Assert.Equal("queued", second.Body.GetProperty("state").GetString());

        // 3 records in part 1 make chunks of 2 and 1, part 2 one of 2: 3 chunk messages.
        var messages = await host.Queue().TakeAsync();
        Assert.Equal(3, messages.Count);
        var handler = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<OpenMetrics.Apps.Queues.ImportQueueHandler>(host.Services);
        foreach (var (body, id) in messages)
        {
            await handler.HandleAsync(body, id, 1, CancellationToken.None);
        }

        var status = await host.GetQueryAsync($"/api/imports/{first.Id}");
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(5, status.GetProperty("rowsRead").GetInt64());
        Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
        Assert.Equal([2L, 5L], status.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()));
        Assert.All(status.GetProperty("refused").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Csv_parts_repeat_the_header_and_their_lines_continue_after_it()
    {
        // Part 1: header (line 1), rows on lines 2 and 3; part 2: header again, then rows that are the file's 4 and 5 (5 has one field too few).
        var first = await host.UploadAsync("openmetrics", $"name,ts,userId,id\nc-{_run},2025-05-05T10:00:00Z,u-{_run},c2\nc-{_run},2025-05-05T11:00:00Z,u-{_run},c3\n", final: false);
        await host.UploadAsync("openmetrics", $"name,ts,userId,id\nc-{_run},2025-05-05T12:00:00Z,u-{_run},c4\nc-{_run},2025-05-05T13:00:00Z\n", importId: first.Id);
        await host.ProcessImportsAsync();

        var status = await host.GetQueryAsync($"/api/imports/{first.Id}");
        Assert.Equal(4, status.GetProperty("rowsRead").GetInt64());
        Assert.Equal(3, status.GetProperty("eventsAccepted").GetInt64());
        Assert.Equal([5L], status.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("line").GetInt64()));
    }

    [Fact]
    public async Task A_truncated_gzip_ends_the_import_failed_with_nothing_queued()
    {
        // The gzip of 40 events with its last 12 bytes (part of the data and the whole trailer) cut off.
        var whole = ImportsApi.Gzip(ImportsApi.Lines([.. Enumerable.Range(1, 40).Select(Event)]));
        var upload = await host.UploadAsync("openmetrics", whole[..^12], gzip: true);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        var status = await host.GetQueryAsync($"/api/imports/{upload.Id}");
        Assert.Equal("failed", status.GetProperty("state").GetString());
        Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("error").GetString()));
        Assert.Empty(await host.Queue().TakeAsync());
        Assert.Equal(0, status.GetProperty("eventsAccepted").GetInt64());
    }

    [Fact]
    public async Task Imports_are_listed_newest_first()
    {
        var older = await host.UploadAsync("openmetrics", Event(1));
        var newer = await host.UploadAsync("openmetrics", Event(2));

        var ids = (await host.GetQueryAsync("/api/imports")).GetProperty("imports").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.True(ids.IndexOf(newer.Id) < ids.IndexOf(older.Id), string.Join(", ", ids));
    }

    /// <summary>One of our own events of user u-{run} on 2025-05-05, hour n.</summary>
    /// <summary>
    /// A file ordered by time alternates users a, b, a, b (lines 1-4). Chunks of 2 records are cut after grouping by
    /// session within the window: chunk 0 holds a's lines 1 and 3, chunk 1 b's lines 2 and 4 (in file order they would
    /// be [1, 2] and [3, 4], each chunk with both users).
    /// </summary>
    [Fact]
    public async Task The_rows_of_one_user_go_to_the_same_chunk()
    {
        string Row(string user, int hour) => $$"""{"name":"up-{{_run}}","ts":"2025-05-05T{{hour:D2}}:00:00Z","userId":"{{user}}-{{_run}}"}""";
        var upload = await host.UploadAsync("openmetrics", ImportsApi.Lines(Row("a", 1), Row("b", 2), Row("a", 3), Row("b", 4)));
        Assert.Equal(HttpStatusCode.Accepted, upload.Status);

        var chunks = new OpenMetrics.Storage.Imports.ImportChunks(host.Storage.Blobs().GetBlobContainerClient(OpenMetrics.Storage.StorageNames.ImportsContainer));
        var lines = new List<long[]>();
        foreach (var (body, _) in await host.Queue().TakeAsync())
        {
            var message = body.ToObjectFromJson<OpenMetrics.Storage.Imports.ImportChunkMessage>()!;
            lines.Add([.. (await chunks.ReadAsync(message.Blob, CancellationToken.None)).Select(record => record.Line)]);
        }

        Assert.Equal([[1L, 3], [2L, 4]], lines);
    }

    private string Event(int n) =>
        $$"""{"name":"up-{{_run}}","ts":"2025-05-05T{{n % 24:D2}}:00:00Z","userId":"u-{{_run}}","id":"e{{n}}"}""";
}
