using OpenMetrics.Core.Analysis;
using OpenMetrics.Core.Analysis.Funnels;
using OpenMetrics.Core.Events;
using static OpenMetrics.Tests.Core.Analysis.StoredEvents;

namespace OpenMetrics.Tests.Core.Analysis.Funnels;

/// <summary>Runs a funnel the way the query code will: stored events of each user, ordered, matched, then streamed.</summary>
internal sealed class FunnelCase
{
    private readonly FunnelEngine _engine;
    private readonly UserStreamBuilder _builder;
    private readonly List<AnalysisEvent> _stream = [];

    public FunnelCase(FunnelDefinition definition, Func<AnalysisUser, bool>? segment = null)
    {
        _engine = new FunnelEngine(definition, segment);
        _builder = new UserStreamBuilder(new EventMatcher(_engine.Predicates), definition.Breakdown, _engine.BreakdownValues);
    }

    public static FunnelDefinition Define(string from, string to, params string[] steps) =>
        new([.. steps.Select(s => new FunnelStep(s))], At(from), At(to));

    public FunnelCase User(string key, params StoredEvent[] events) => User(key, null, events);

    public FunnelCase User(string key, string? userProps, params StoredEvent[] events)
    {
        var props = userProps is null ? (System.Text.Json.JsonElement?)null : Json(userProps);
        _builder.Build([.. events], props, null, _stream);
        _engine.AddUser(new AnalysisUser(key, props), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_stream));
        return this;
    }

    public FunnelResult Result() => _engine.Result();

    public int[] Users() => [.. Result().Steps.Select(s => s.Users)];
}
