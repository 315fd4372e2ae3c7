namespace OpenMetrics.Core.Ingest;

/// <summary>What a JSON client (<c>Accept: application/json</c>) is told about an events batch.</summary>
public sealed record IngestAnswer(int Accepted, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>One refused event in <see cref="IngestAnswer"/>.</summary>
public sealed record RejectedEvent(int Index, string Error, string Field);

/// <summary>The JSON form of a refused call; <c>accepted</c> and <c>rejected</c> only for an events batch.</summary>
public sealed record ErrorAnswer(string Error, string? Field, int? Accepted = null, IReadOnlyList<RejectedEvent>? Rejected = null);
