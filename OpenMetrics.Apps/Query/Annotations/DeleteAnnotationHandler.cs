using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Annotations;

namespace OpenMetrics.Apps.Query.Annotations;

/// <summary><c>DELETE /api/annotations/{id}</c>: 204, or 404 when there is no such annotation.</summary>
public sealed class DeleteAnnotationHandler(AnnotationBook book) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        await book.DeleteAsync(id ?? throw new QueryException("The route needs an id.", "id"), cancellationToken);
        return HttpAnswer.Empty(204);
    }
}
