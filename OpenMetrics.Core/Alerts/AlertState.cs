namespace OpenMetrics.Core.Alerts;

/// <summary>
/// Where an alert stands (<c>GET /api/alerts/{id}</c> shows it): whether it fires, the last interval evaluated and its
/// value, and the last error. <see cref="Firing"/> survives an error, so that a metric failing for an hour neither
/// resolves nor re-fires the alert.
/// </summary>
/// <param name="LastIntervalFrom">The start of the last interval evaluated: a run skips it and every earlier one.</param>
/// <param name="ResolvedAt">The end of the interval that last resolved the alert, from which the cooldown counts.</param>
/// <param name="LastError">Why the last evaluation failed, in plain words; null when it succeeded.</param>
public sealed record AlertState(
    bool Firing,
    DateTimeOffset? LastIntervalFrom,
    DateTimeOffset? LastIntervalTo,
    double? LastValue,
    DateTimeOffset? LastEvaluatedAt,
    DateTimeOffset? ResolvedAt,
    string? LastError)
{
    public static readonly AlertState New = new(false, null, null, null, null, null, null);

    /// <summary><c>error</c> while the last evaluation failed, else <c>firing</c> or <c>ok</c>.</summary>
    public string Status => LastError is not null ? "error" : Firing ? "firing" : "ok";
}

/// <summary>An alert as stored: its definition, its state and the version (ETag) the state was read at.</summary>
public sealed record StoredAlert(AlertDefinition Definition, AlertState State, string Version);
