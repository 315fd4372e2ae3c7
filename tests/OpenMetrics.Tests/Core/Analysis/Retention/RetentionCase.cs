using System.Runtime.InteropServices;
using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Retention;
using OpenMetrics.Core.Events;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Retention;

/// <summary>Runs a retention query the way the query code will: stored events of each user, ordered, matched, then streamed.</summary>
internal sealed class RetentionCase
{
    private readonly RetentionEngine _engine;
    private readonly UserStreamBuilder _builder;
    private readonly List<AnalysisEvent> _stream = [];

    public RetentionCase(RetentionDefinition definition, string now = "2027-01-01T00:00:00Z", Func<AnalysisUser, bool>? segment = null)
    {
        _engine = new RetentionEngine(definition, At(now), segment);
        _builder = new UserStreamBuilder(new EventMatcher(_engine.Predicates));
    }

    public RetentionCase User(string key, params StoredEvent[] events) => User(key, null, null, events);

    /// <param name="firstStart">When the user first did the start event, before the events given.</param>
    public RetentionCase User(string key, string? firstStart, string? userProps, params StoredEvent[] events)
    {
        var props = userProps is null ? (System.Text.Json.JsonElement?)null : Json(userProps);
        _builder.Build([.. events], props, null, _stream);
        _engine.AddUser(new AnalysisUser(key, props), CollectionsMarshal.AsSpan(_stream), firstStart is null ? null : At(firstStart));
        return this;
    }

    /// <summary>A user active at each of the given times.</summary>
    public RetentionCase Active(string key, params string[] times) => User(key, [.. times.Select(t => Event("pageview", t))]);

    public RetentionResult Result() => _engine.Result();
}
