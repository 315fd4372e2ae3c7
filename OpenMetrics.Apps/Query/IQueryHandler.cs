using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;

namespace OpenMetrics.Apps.Query;

/// <summary>
/// The handler of one query-app function of <see cref="Functions.FunctionCatalog"/>. Both hosts reach it through
/// <see cref="QueryEndpoints"/>, which has already checked the key; the handler reads the request and answers.
/// </summary>
public interface IQueryHandler
{
    /// <param name="id">The route's <c>{id}</c>, when it has one.</param>
    Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken);
}
