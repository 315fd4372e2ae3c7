namespace OpenMetrics.Core.Query.Annotations;

/// <summary>Adds, lists and deletes annotations within <see cref="AnnotationLimits"/>; the handlers of <c>/api/annotations</c> call this.</summary>
public sealed class AnnotationBook(IAnnotationStore store, TimeProvider clock)
{
    public async Task<Annotation> AddAsync(DateTimeOffset t, string text, string scope, CancellationToken cancellationToken)
    {
        // Two adds at once may both pass at the last place; the bound is there to stop a runaway script, not to be exact.
        if (await store.CountAsync(cancellationToken) >= AnnotationLimits.MaxPerProject)
        {
            throw new QueryException(
                $"The project holds {AnnotationLimits.MaxPerProject} annotations, the most it keeps; delete some first.", null, 409);
        }

        return await store.AddAsync(t, text, scope, clock.GetUtcNow(), cancellationToken);
    }

    /// <param name="scope">Null for every annotation; <c>project</c> for the project's; <c>dashboard:{id}</c> for the project's and that dashboard's.</param>
    public async Task<IReadOnlyList<Annotation>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, string? scope, CancellationToken cancellationToken)
    {
        if (from > to)
        {
            throw new QueryException("'from' must not be after 'to'.", "from");
        }

        var all = await store.ListAsync(from, to, cancellationToken);
        return [.. all.Where(annotation => AnnotationScope.Shows(annotation.Scope, scope))];
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new QueryException("An annotation id is 1 to 64 letters, digits, '-' or '_'.", "id");
        }

        if (!await store.DeleteAsync(id, cancellationToken))
        {
            throw QueryException.NotFound($"The annotation '{id}'");
        }
    }
}
