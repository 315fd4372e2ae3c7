namespace OpenMetrics.Core.Query.Annotations;

/// <summary>The project's annotations; the store gives each its id and owns how they are kept.</summary>
public interface IAnnotationStore
{
    /// <summary>Every annotation whose <c>T</c> is within the bounds (each inclusive, absent meaning open), in time order.</summary>
    Task<IReadOnlyList<Annotation>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>How many annotations the project holds, for <see cref="AnnotationLimits.MaxPerProject"/>.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    Task<Annotation> AddAsync(DateTimeOffset t, string text, string scope, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <returns>Whether it was there.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
