using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Http;
using OpenMetrics.Apps.Query.Access;
using OpenMetrics.Core.Query;
using OpenMetrics.Storage;

namespace OpenMetrics.Apps.Query;

/// <summary>
/// The one door of the query API, for the Functions classes and the local host alike: checks access, hands the
/// call to the function's handler (one <see cref="IQueryHandler"/> per function), and turns what can go wrong into the answers docs/query.md promises. A client mistake is
/// a 400/404 with a reason, storage trouble a 503 to retry; a 500 is left only for a bug.
/// </summary>
public sealed partial class QueryEndpoints(QueryAccess access, IServiceProvider services, ILogger<QueryEndpoints> logger)
{
    /// <summary>Answers with the handler registered as <typeparamref name="THandler"/>.</summary>
    public Task<HttpAnswer> HandleAsync<THandler>(HttpRequest request, string? id, CancellationToken cancellationToken)
        where THandler : class, IQueryHandler =>
        HandleAsync(services.GetRequiredService<THandler>(), request, id, cancellationToken);

    public async Task<HttpAnswer> HandleAsync(IQueryHandler handler, HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        if (access.Refusal(request) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return await handler.HandleAsync(request, id, cancellationToken);
        }
        catch (QueryException exception)
        {
            return QueryAnswers.Error(exception);
        }
        catch (Exception exception) when (StorageTrouble.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
        {
            LogStorageTrouble(logger, exception, request.Path);
            return QueryAnswers.Answer(new QueryError("Storage is unavailable right now; try again in a few seconds.", null), 503)
                .WithHeader("Retry-After", "5");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query {Path} failed on storage; answered 503")]
    private static partial void LogStorageTrouble(ILogger logger, Exception exception, PathString path);
}
