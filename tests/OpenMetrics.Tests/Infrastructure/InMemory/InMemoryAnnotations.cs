using OpenMetrics.Core.Query.Annotations;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>Annotations in a list, numbered in the order they were added, listed in time order as <see cref="IAnnotationStore"/> lists them.</summary>
public sealed class InMemoryAnnotations : IAnnotationStore
{
    private readonly List<Annotation> _annotations = [];

    public Task<IReadOnlyList<Annotation>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Annotation>>([.. _annotations.Where(a => (from is null || a.T >= from) && (to is null || a.T <= to)).OrderBy(a => a.T)]);

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(_annotations.Count);

    public Task<Annotation> AddAsync(DateTimeOffset t, string text, string scope, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var annotation = new Annotation($"a{_annotations.Count}", t, text, scope, createdAt);
        _annotations.Add(annotation);
        return Task.FromResult(annotation);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_annotations.RemoveAll(a => a.Id == id) > 0);
}
