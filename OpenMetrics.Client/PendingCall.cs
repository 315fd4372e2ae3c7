namespace OpenMetrics.Client;

/// <summary>
/// One queued thing to tell the server: an event (<see cref="Field"/> null, <see cref="Json"/> the event object), or
/// a props or user id call (<see cref="Field"/> the payload field, <see cref="Json"/> its value). Serialized when it
/// was queued, so that later changes to the caller's objects do not leak into it. <see cref="Sequence"/> is its place
/// in the order the application queued things; a retry keeps it.
/// </summary>
internal sealed record PendingCall(long Sequence, string SessionId, string Route, string? Field, string Json)
{
    public const string Events = "v1/events";
    public const string SetUserId = "v1/setUserId";
    public const string SetUserProps = "v1/setUserProps";
    public const string SetSessionProps = "v1/setSessionProps";

    public bool IsEvent => Field is null;
}
