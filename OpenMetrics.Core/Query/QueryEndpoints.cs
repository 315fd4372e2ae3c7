using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenMetrics.Core.Http;
using OpenMetrics.Core.Query.Access;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Query;

/// <summary>
/// The one door of the query API, for the Functions classes and the local host alike: checks access, hands the
/// call to the function's handler, and turns what can go wrong into the answers QUERY.md promises. A client mistake is
/// a 400/404 with a reason, storage trouble a 503 to retry; a 500 is left only for a bug.
/// </summary>
public sealed partial class QueryEndpoints
{
    private readonly QueryAccess _access;
    private readonly SavedItemsApi _saved;
    private readonly ILogger<QueryEndpoints> _logger;
    private readonly Dictionary<string, IQueryHandler> _handlers = new(StringComparer.Ordinal);

    public QueryEndpoints(QueryAccess access, SavedItemsApi saved, IEnumerable<IQueryHandler> handlers, ILogger<QueryEndpoints> logger)
    {
        _access = access;
        _saved = saved;
        _logger = logger;
        foreach (var handler in handlers)
        {
            foreach (var function in handler.Functions)
            {
                _handlers.Add(function, handler);
            }
        }
    }

    /// <summary>Whether a function of the catalog has its handler here (a test holds the catalog to it).</summary>
    public bool Handles(string function) => _handlers.ContainsKey(function) || SavedKind.ByFunction(function) is not null;

    public async Task<HttpAnswer> HandleAsync(string function, HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        if (_access.Refusal(request) is { } refusal)
        {
            return refusal;
        }

        try
        {
            if (SavedKind.ByFunction(function) is { } kind)
            {
                return await _saved.HandleAsync(kind, request, id, cancellationToken);
            }

            return _handlers.TryGetValue(function, out var handler)
                ? await handler.HandleAsync(function, request, id, cancellationToken)
                : QueryJson.Answer(new QueryError($"{function} is not available on this host.", null), 501);
        }
        catch (QueryException exception)
        {
            return QueryJson.Error(exception);
        }
        catch (Exception exception) when (StorageTrouble.IsTransient(exception) && !cancellationToken.IsCancellationRequested)
        {
            LogStorageTrouble(_logger, exception, function);
            return QueryJson.Answer(new QueryError("Storage is unavailable right now; try again in a few seconds.", null), 503)
                .WithHeader("Retry-After", "5");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Query {Function} failed on storage; answered 503")]
    private static partial void LogStorageTrouble(ILogger logger, Exception exception, string function);
}
