namespace OpenMetrics.Core.Alerts;

/// <summary>
/// One crossing in an alert's history (<c>GET /api/alerts/{id}/history</c>): the interval that fired or resolved it,
/// its value, and what became of each delivery. Written in the same transaction that claims the crossing, with
/// <see cref="Delivery"/> <c>pending</c>, then updated once every destination has answered or failed.
/// </summary>
/// <param name="State"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Delivery"><c>pending</c>, <c>delivered</c> (every destination took it) or <c>failed</c> (one did not, after its retries).</param>
public sealed record AlertEvent(
    DateTimeOffset From,
    DateTimeOffset To,
    string State,
    double? Value,
    double? Previous,
    double? ChangePct,
    DateTimeOffset EvaluatedAt,
    string Delivery,
    IReadOnlyList<DeliveryOutcome> Deliveries);

/// <summary>How one destination took a delivery: the last status it answered, how many requests it took, the error if it failed.</summary>
/// <param name="Destination">The webhook's scheme, host and port only: the path of an incoming webhook is its secret.</param>
public sealed record DeliveryOutcome(string Destination, string Format, bool Ok, int? Status, int Attempts, string? Error);
