using Microsoft.Extensions.Time.Testing;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Annotations;
using OpenMetrics.Tests.Infrastructure.InMemory;

namespace OpenMetrics.Tests.Core.Query.Annotations;

/// <summary>The bound on stored annotations and the server's createdAt, without storage (the API tests cover Azurite).</summary>
public sealed class AnnotationBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_ten_thousandth_is_kept_and_the_next_is_409_until_one_is_deleted()
    {
        var store = new InMemoryAnnotations();
        var book = new AnnotationBook(store, new FakeTimeProvider(Now));
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // 9,999 added, then the 10,000th: the limit is reached, not passed.
        for (var i = 0; i < 9_999; i++)
        {
            await book.AddAsync(t, "x", AnnotationScope.Project, CancellationToken.None);
        }

        var last = await book.AddAsync(t, "the 10,000th", AnnotationScope.Project, CancellationToken.None);
        Assert.Equal(10_000, await store.CountAsync(CancellationToken.None));
        Assert.Equal(Now, last.CreatedAt);

        var refused = await Assert.ThrowsAsync<QueryException>(() => book.AddAsync(t, "one more", AnnotationScope.Project, CancellationToken.None));
        Assert.Equal(409, refused.Status);

        await book.DeleteAsync(last.Id, CancellationToken.None);
        await book.AddAsync(t, "room again", AnnotationScope.Project, CancellationToken.None);
        Assert.Equal(10_000, await store.CountAsync(CancellationToken.None));
    }
}
