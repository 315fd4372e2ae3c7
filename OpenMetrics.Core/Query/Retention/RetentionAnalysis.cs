using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Segments;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Query.Streams;

namespace OpenMetrics.Core.Query.Retention;

/// <summary>
/// Computes a retention table from the raw events: the cohort range and its return periods read into per-user
/// streams (users resolved as of now), then <see cref="RetentionEngine"/> one user at a time; for first-time cohorts,
/// <see cref="FirstStartLookup"/> says who started before.
/// </summary>
public sealed class RetentionAnalysis(
    RetentionQueryParser parser, UserStreamReader reader, FirstStartLookup firstStarts, SegmentResolver segments, QuerySources context, TimeProvider clock)
    : ISnapshotAnalysis
{
    public SavedKind Kind => SavedKind.Retentions;

    public async Task<JsonObject> ComputeAsync(JsonElement definition, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToNode(await AnswerAsync(definition, cancellationToken), QueryJson.Options)!.AsObject();

    /// <summary>The retention table of a query body, typed: what <see cref="ComputeAsync"/> writes, and what a retention metric reads.</summary>
    public async Task<RetentionAnswer> AnswerAsync(JsonElement definition, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var query = parser.Parse(definition);
        var retention = query.Definition;
        var now = clock.GetUtcNow();
        var people = context.People();
        var segment = await segments.PrepareAsync(query.SegmentId, query.Segment, people, cancellationToken);
        var engine = new RetentionEngine(retention, now, segment is null ? null : user => segment.Matches(user.Key, user.Props));
        var readFrom = FirstStartLookup.ReadFrom(retention);
        var readTo = engine.ReadTo < now ? engine.ReadTo : now;
        var startedBefore = await firstStarts.StartedBeforeAsync(retention, readFrom, cancellationToken);
        var streams = await reader.ReadAsync(
            new UserStreamRequest(readFrom, readTo, new EventMatcher(engine.Predicates), null, new BreakdownValues(),
                KeepUnmatched: false, NeedsUserProps: segment?.NeedsUserProps ?? false),
            people, cancellationToken);
        var before = readFrom.AddTicks(-1);
        streams.ForEachUser((in AnalysisUser user, ReadOnlySpan<AnalysisEvent> events) =>
            engine.AddUser(user, events, startedBefore.Contains(user.Key) ? before : null));
        var result = engine.Result();
        return new RetentionAnswer(result.Cohorts, result.Average, new RetentionAnswer.Info(
            retention.From, retention.To, readFrom, readTo, retention.TimeZone.Id, retention.Period.ToString().ToLowerInvariant(), retention.Periods,
            retention.Type.ToString().ToLowerInvariant(), retention.Unbounded, streams.EventsRead, streams.Users, watch.ElapsedMilliseconds));
    }

    public bool IsRecent(JsonElement definition, DateTimeOffset now)
    {
        var retention = parser.Parse(definition).Definition;
        return new RetentionEngine(retention, now).ReadTo > now - TimeSpan.FromDays(1);
    }
}
