namespace OpenMetrics.Core.Query.People;

/// <summary>
/// A page of a user's timeline, newest first. <c>next</c> is the cursor to pass as <c>before</c> for the following
/// page, null on the last one. <c>userId</c> is the user the events belong to (the one the asked-for id merged into,
/// when it did: then <c>mergedFrom</c> is the asked-for id).
/// </summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEvent> Events, string? Next, string UserId, string? MergedFrom);
