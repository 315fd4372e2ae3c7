namespace OpenMetrics.Core.Ingest;

/// <summary>One event of a batch that was refused while the rest of the batch was kept.</summary>
/// <param name="Index">The event's position in the call's <c>events</c> array.</param>
public sealed record EventRejection(int Index, string Error, string Field, string? EventName);
