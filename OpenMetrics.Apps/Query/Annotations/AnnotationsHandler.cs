using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query.Annotations;

namespace OpenMetrics.Apps.Query.Annotations;

/// <summary>
/// <c>POST /api/annotations</c> adds one (201, with its <c>id</c> and <c>createdAt</c>); <c>GET</c> lists them in time
/// order, optionally <c>?from=&amp;to=</c> (instants, inclusive) and <c>?scope=</c> (a dashboard's view asks for its
/// own scope and gets the project's too).
/// </summary>
public sealed class AnnotationsHandler(AnnotationBook book) : IQueryHandler
{
    public async Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsPost(request.Method))
        {
            var (t, text, scope) = AnnotationFields.Parse(await QueryBody.ReadObjectAsync(request, cancellationToken));
            return QueryAnswers.Answer(await book.AddAsync(t, text, scope, cancellationToken), 201);
        }

        var from = QueryStringArguments.Text(request, "from") is { } start ? AnnotationFields.Instant(start, "from") : (DateTimeOffset?)null;
        var to = QueryStringArguments.Text(request, "to") is { } end ? AnnotationFields.Instant(end, "to") : (DateTimeOffset?)null;
        var wanted = QueryStringArguments.Text(request, "scope") is { } scopeText ? AnnotationFields.Scope(scopeText, "scope") : null;
        return QueryAnswers.Answer(new AnnotationList(await book.ListAsync(from, to, wanted, cancellationToken)));
    }

    private sealed record AnnotationList(IReadOnlyList<Annotation> Annotations);
}
