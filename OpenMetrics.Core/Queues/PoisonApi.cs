using OpenMetrics.Core.Http;

namespace OpenMetrics.Core.Queues;

/// <summary>The operator routes over <see cref="PoisonQueue"/>, answered the same by the aggregate app and the local host.</summary>
public sealed class PoisonApi(PoisonQueue poison)
{
    public async Task<HttpAnswer> ListAsync(CancellationToken cancellationToken) =>
        HttpAnswer.Json(200, await poison.ListAsync(cancellationToken), QueueJson.Default.PoisonListing);

    public async Task<HttpAnswer> ReplayAsync(CancellationToken cancellationToken) =>
        HttpAnswer.Json(200, new ReplayResult(await poison.ReplayAsync(cancellationToken)), QueueJson.Default.ReplayResult);
}
