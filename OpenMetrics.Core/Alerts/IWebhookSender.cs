namespace OpenMetrics.Core.Alerts;

/// <summary>Sends one webhook body, retrying what can pass on a second try; never throws for the destination's failures.</summary>
public interface IWebhookSender
{
    Task<DeliveryOutcome> SendAsync(AlertDestination destination, WebhookMessage message, CancellationToken cancellationToken);
}

/// <summary>A webhook's JSON body, and its headers (the signature of a <c>json</c> delivery).</summary>
public sealed record WebhookMessage(string Body, IReadOnlyDictionary<string, string> Headers);
