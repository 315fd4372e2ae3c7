using OpenMetrics.Apps.Http;
using OpenMetrics.Storage.Queues;

namespace OpenMetrics.Apps.Queues;

/// <summary>The operator routes over <see cref="PoisonQueue"/>, answered the same by the aggregate app and the local host.</summary>
public sealed class PoisonHandlers(PoisonQueue poison, PoisonDiscarder discarder)
{
    public async Task<HttpAnswer> ListAsync(CancellationToken cancellationToken) =>
        HttpAnswer.Json(200, await poison.ListAsync(cancellationToken), QueueJson.Default.PoisonListing);

    public async Task<HttpAnswer> ReplayAsync(CancellationToken cancellationToken) =>
        HttpAnswer.Json(200, new ReplayResult(await poison.ReplayAsync(cancellationToken)), QueueJson.Default.ReplayResult);

    /// <summary><c>DELETE ops/poison/{id}?sha256=...</c>: the hash is the body's as <c>GET ops/poison</c> listed it.</summary>
    public async Task<HttpAnswer> DiscardAsync(string id, string? sha256, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sha256))
        {
            return HttpAnswer.Text(400, "sha256 is missing: send the bodySha256 that GET ops/poison lists for the message, to discard the message you looked at");
        }

        var outcome = await discarder.DiscardAsync(id, sha256, cancellationToken);
        return outcome.Result switch
        {
            DiscardResult.Discarded => HttpAnswer.Json(200, outcome.Record!, QueueJson.Default.PoisonDiscard),
            DiscardResult.OtherBody => HttpAnswer.Text(409, $"poison message {id} has another body than sha256 {sha256}: list the poison queue again"),
            _ => HttpAnswer.Text(404, $"no poison message has the id {id}"),
        };
    }
}
