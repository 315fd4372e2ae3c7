using System.Text.Json;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Core.Query.Segments;

/// <summary>Turns a query's <c>segment</c> (a saved id or an inline definition) into the users it holds, for one query.</summary>
public sealed class SegmentResolver(ISavedItems saved, QuerySources context, TimeProvider clock)
{
    /// <summary>The saved segment <paramref name="id"/>; a 404 when there is none.</summary>
    public async Task<SegmentDefinition> LookupAsync(string id, CancellationToken cancellationToken)
    {
        var definition = await saved.GetAsync(SavedKind.Segments, id, cancellationToken)
            ?? throw new QueryException($"There is no saved segment '{id}'.", "segment", 404);
        return SegmentParser.Parse(JsonSerializer.SerializeToElement(definition), "segment");
    }

    /// <summary>The matcher of the query's segment, or null when it has none.</summary>
    public async Task<SegmentMatcher?> PrepareAsync(string? id, SegmentDefinition? inline, QueryIdentity people, CancellationToken cancellationToken)
    {
        var definition = id is null ? inline : await LookupAsync(id, cancellationToken);
        return definition is null
            ? null
            : await SegmentMatcher.PrepareAsync(definition, context.Users, context.Scanner, people.Sessions, clock.GetUtcNow(), cancellationToken);
    }
}
