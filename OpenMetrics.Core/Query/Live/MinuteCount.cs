namespace OpenMetrics.Core.Query.Live;

/// <summary>How many events happened in one UTC minute: <c>t</c> is the minute's start, <c>v</c> the count.</summary>
public sealed record MinuteCount(DateTimeOffset T, long V);
