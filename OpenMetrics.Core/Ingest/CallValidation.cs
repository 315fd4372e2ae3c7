namespace OpenMetrics.Core.Ingest;

/// <summary>The outcome of validating a call: the call, or why all of it was refused.</summary>
public sealed record CallValidation(ValidatedCall? Call, IngestRejection? Rejection, IReadOnlyList<EventRejection>? Rejected = null)
{
    public static CallValidation Accepted(ValidatedCall call) => new(call, null);

    public static CallValidation Refused(IngestRejection rejection, IReadOnlyList<EventRejection>? rejectedEvents = null) =>
        new(null, rejection, rejectedEvents);
}
