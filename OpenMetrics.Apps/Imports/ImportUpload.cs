using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query;
using OpenMetrics.Core.Imports;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Query;
using OpenMetrics.Storage.Imports;

namespace OpenMetrics.Apps.Imports;

/// <summary>
/// One upload request, the start of an import or its next part, every step in order: the arguments; the size; the
/// first bytes (empty, or not the named format: a 400 at once); the records streamed into chunk blobs; the part
/// committed on the import's row (with its ETag, so two parts at once cannot both land); and, once the part is final,
/// one queue message per chunk. A defect of the whole file (a truncated gzip) ends the import <c>failed</c>, nothing queued.
/// </summary>
public sealed class ImportUpload(ImportStore imports, ImportPartWriter writer, ImportQueue queue, ImportSettings options, IngestLimits limits, TimeProvider clock)
{
    public async Task<HttpAnswer> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var formatText = request.Query["format"].ToString();
        if (!ImportFormats.TryParse(formatText, out var format))
        {
            var known = string.Join(", ", Enum.GetValues<ImportFormat>().Select(ImportFormats.Name));
            throw new QueryException(formatText.Length == 0 ? $"Name the file's format: format is one of {known}." : $"format '{formatText}' is not known; it is one of {known}.", "format");
        }

        var final = Final(request);
        var (body, gzip, head) = await OpenAsync(request, format, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        await imports.CreateAsync(new StoredImport(id, format, ImportState.Uploading, false, 0, 0, 0, "", null, now, null, null, default), cancellationToken);
        var import = await imports.ReadAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Import {id} was not written.");
        return await WriteAsync(import, body, gzip, head, final, firstPart: true, cancellationToken);
    }

    public async Task<HttpAnswer> AddPartAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        var final = Final(request);
        if (id is null || await imports.ReadAsync(id, cancellationToken) is not { } import)
        {
            throw new QueryException($"There is no import '{id}'.", "id", 404);
        }

        if (import.State != ImportState.Uploading)
        {
            throw new QueryException($"Import {id} is {import.State}: parts are taken only while it is uploading (its last part had final=true).", "id", 409);
        }

        var (body, gzip, head) = await OpenAsync(request, import.Format, cancellationToken);
        return await WriteAsync(import, body, gzip, head, final, firstPart: false, cancellationToken);
    }

    private async Task<HttpAnswer> WriteAsync(StoredImport import, UploadBody body, bool gzip, byte[] head, bool final, bool firstPart, CancellationToken cancellationToken)
    {
        // A CSV part repeats the header, which is not a record: its first row continues right after the last line before it.
        var csv = head.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault() is not ((byte)'{' or (byte)'[');
        var lineShift = import.NextLine == 0 ? 0 : csv ? import.NextLine - 1 : import.NextLine;
        WrittenPart part;
        try
        {
            // Mapped here only to know each row's session, with the clock of the upload as the chunks will map it.
            string SessionOf(ImportRecord record) =>
                ImportRowMapper.Map(import.Format, record, limits, import.CreatedAt).Event is { } imported ? ImportMessages.SessionOf(imported) : "";
            part = await writer.WriteAsync(
                import.Id, import.Chunks, lineShift, options.RecordsPerChunk, ImportRecordReader.ReadAsync(body, gzip, cancellationToken), SessionOf, cancellationToken);
        }
        catch (Exception exception) when (exception is ImportFileException or InvalidDataException)
        {
            var reason = exception is ImportFileException ? exception.Message : $"The gzip body is damaged: {exception.Message}";
            await FailAsync(import.Id, reason);
            return QueryAnswers.Answer(new ImportRefusal(reason, "body", import.Id), 400);
        }
        catch (UploadTooLargeException exception)
        {
            if (firstPart)
            {
                await FailAsync(import.Id, exception.Message);
            }

            return QueryAnswers.Answer(new ImportRefusal(exception.Message, "body", import.Id), 413);
        }

        var chunks = import.Chunks + part.Chunks;
        var state = !final ? ImportState.Uploading : chunks == 0 ? ImportState.Done : ImportState.Queued;
        var now = clock.GetUtcNow();
        var committed = import with
        {
            State = state,
            Final = final,
            Chunks = chunks,
            NextLine = part.LastLine == 0 ? import.NextLine : part.LastLine,
            BytesRead = import.BytesRead + body.Count,
            Parts = part.Chunks == 0 ? import.Parts : $"{import.Parts}{part.Token}:{import.Chunks}:{part.Chunks};",
            StartedAt = state == ImportState.Done ? now : null,
            FinishedAt = state == ImportState.Done ? now : null,
        };
        if (!await imports.TryReplaceAsync(committed, cancellationToken))
        {
            await writer.DiscardAsync(part, CancellationToken.None);
            throw new QueryException($"Another part of import {import.Id} was taken while this one was read; send this part again once that one is answered.", "id", 409);
        }

        if (state == ImportState.Queued)
        {
            await queue.SendAsync(committed.ChunkBlobs().Select(chunk => new ImportChunkMessage(committed.Id, chunk.Chunk, chunk.Blob)), cancellationToken);
        }

        return QueryAnswers.Answer(new ImportAccepted(committed.Id, committed.State), 202);
    }

    /// <summary>The checks that need only the request and its first bytes: size, encoding, empty, format.</summary>
    private async Task<(UploadBody Body, bool Gzip, byte[] Head)> OpenAsync(HttpRequest request, ImportFormat format, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxRequestBytes)
        {
            throw new QueryException(new UploadTooLargeException(options.MaxRequestBytes).Message, "body", 413);
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryException($"Content-Encoding '{encoding}' is not taken; send the file as it is, or gzip.", "Content-Encoding", 415);
        }

        // The host's own body limit (30 MB in Kestrel) must not answer before this setting does.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes + 1;
        }

        var body = new UploadBody(request.Body, options.MaxRequestBytes);
        byte[] raw;
        try
        {
            raw = await body.ReadHeadAsync(cancellationToken);
        }
        catch (UploadTooLargeException exception)
        {
            throw new QueryException(exception.Message, "body", 413);
        }

        var head = UploadBody.Unzipped(raw, gzip);
        if (head.Length == 0)
        {
            throw new QueryException(raw.Length == 0 ? "The body is empty; send the file as the body." : "The body is not gzip, or holds nothing once unzipped.", "body");
        }

        if (ImportRecordReader.Sniff(head, format) is { } reason)
        {
            throw new QueryException(reason, "body");
        }

        return (body, gzip, head);
    }

    private static bool Final(HttpRequest request) => request.Query["final"].ToString() switch
    {
        "" or "true" => true,
        "false" => false,
        var other => throw new QueryException($"final is true or false, not '{other}'.", "final"),
    };

    /// <summary>Not cancelled with the request: a client that hung up still leaves the import marked failed.</summary>
    private async Task FailAsync(string id, string reason)
    {
        var now = clock.GetUtcNow();
        await imports.ChangeAsync(id, current => current.State == ImportState.Uploading ? current with { State = ImportState.Failed, Error = reason, FinishedAt = now } : null, CancellationToken.None);
    }
}

/// <summary>The answer to an accepted upload: <c>202 {"id","state"}</c>.</summary>
public sealed record ImportAccepted(string Id, string State);

/// <summary>An upload refused once its import exists (a truncated gzip, too large): the error, the field, and the import, which shows it <c>failed</c>.</summary>
public sealed record ImportRefusal(string Error, string? Field, string Id);
