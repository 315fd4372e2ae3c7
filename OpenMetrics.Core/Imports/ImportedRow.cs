namespace OpenMetrics.Core.Imports;

/// <summary>What became of one record: an event to store, or the plain-words reason it was refused.</summary>
public sealed record ImportedRow(long Line, ImportedEvent? Event, string? Refusal);
