using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Query.Segments;
using OpenMetrics.Core.Query.Snapshots;
using OpenMetrics.Core.Query.Streams;

namespace OpenMetrics.Core.Query.Funnels;

/// <summary>
/// Computes a funnel from the raw events: <c>[from, to + window)</c> read into per-user streams (users resolved as of
/// now, so that an anonymous step 1 and an identified step 2 are one user), then <see cref="FunnelEngine"/> one user at a time.
/// </summary>
public sealed class FunnelAnalysis(FunnelQueryParser parser, UserStreamReader reader, SegmentResolver segments, QuerySources context, TimeProvider clock)
    : ISnapshotAnalysis
{
    public SavedKind Kind => SavedKind.Funnels;

    public async Task<JsonObject> ComputeAsync(JsonElement definition, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var query = parser.Parse(definition);
        var funnel = query.Definition;
        var people = context.People();
        var segment = await segments.PrepareAsync(query.SegmentId, query.Segment, people, cancellationToken);
        var engine = new FunnelEngine(funnel, segment is null ? null : user => segment.Matches(user.Key, user.Props));
        var readTo = ReadTo(funnel, clock.GetUtcNow());
        var streams = await reader.ReadAsync(
            new UserStreamRequest(funnel.From, readTo, new EventMatcher(engine.Predicates), funnel.Breakdown, engine.BreakdownValues,
                KeepUnmatched: funnel.Order == FunnelOrder.Strict, NeedsUserProps: segment?.NeedsUserProps ?? false),
            people, cancellationToken);
        streams.ForEachUser((in AnalysisUser user, ReadOnlySpan<AnalysisEvent> events) => engine.AddUser(user, events));
        var result = engine.Result();
        var answer = new FunnelAnswer(result.Steps, result.Breakdowns, new FunnelAnswer.Info(
            funnel.From, funnel.To, readTo, query.Zone.Id, funnel.Window.TotalSeconds, funnel.Order.ToString().ToLowerInvariant(),
            streams.EventsRead, streams.Users, watch.ElapsedMilliseconds));
        return JsonSerializer.SerializeToNode(answer, QueryJson.Options)!.AsObject();
    }

    /// <summary>
    /// The funnel of each cohort in <paramref name="cohorts"/>: the users who entered in that window, each followed
    /// for the funnel's window, as the funnel of that range alone would count them. The events are read once, for
    /// every cohort, and each user is fed to one engine per cohort. Breakdowns are left out.
    /// </summary>
    /// <param name="definition">A funnel query; its own range is checked against the limits, the cohorts' span is read.</param>
    /// <returns>The results in the cohorts' order, and the funnel's conversion window.</returns>
    public async Task<(IReadOnlyList<FunnelResult> Results, TimeSpan Window)> CohortsAsync(
        JsonElement definition, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> cohorts, CancellationToken cancellationToken)
    {
        var query = parser.Parse(definition);
        var people = context.People();
        var segment = await segments.PrepareAsync(query.SegmentId, query.Segment, people, cancellationToken);
        Func<AnalysisUser, bool>? matches = segment is null ? null : user => segment.Matches(user.Key, user.Props);
        var engines = cohorts
            .Select(cohort => new FunnelEngine(query.Definition with { From = cohort.From, To = cohort.To, Breakdown = null }, matches))
            .ToList();
        var span = query.Definition with { From = cohorts.Min(c => c.From), To = cohorts.Max(c => c.To) };
        var streams = await reader.ReadAsync(
            new UserStreamRequest(span.From, ReadTo(span, clock.GetUtcNow()), new EventMatcher(engines[0].Predicates), null, new BreakdownValues(),
                KeepUnmatched: span.Order == FunnelOrder.Strict, NeedsUserProps: segment?.NeedsUserProps ?? false),
            people, cancellationToken);
        streams.ForEachUser((in AnalysisUser user, ReadOnlySpan<AnalysisEvent> events) =>
        {
            foreach (var engine in engines)
            {
                engine.AddUser(user, events);
            }
        });
        return ([.. engines.Select(engine => engine.Result())], query.Definition.Window);
    }

    public bool IsRecent(JsonElement definition, DateTimeOffset now)
    {
        var funnel = parser.Parse(definition).Definition;
        return funnel.To + funnel.Window > now - TimeSpan.FromDays(1);
    }

    /// <summary>
    /// Entries convert up to the window after <c>to</c>; days past tomorrow cannot hold events yet (only a client clock
    /// far ahead would put them there), so they are not read.
    /// </summary>
    private static DateTimeOffset ReadTo(FunnelDefinition funnel, DateTimeOffset now)
    {
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(2), TimeSpan.Zero);
        var end = funnel.To + funnel.Window;
        return end < tomorrow ? end : tomorrow < funnel.To ? funnel.To : tomorrow;
    }
}
