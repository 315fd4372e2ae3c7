using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Core.Query.Snapshots;

/// <summary>
/// Answers a funnel or retention query (docs/query.md): a body with an <c>id</c> asks for a saved definition and gets its
/// newest snapshot (<c>meta.source = "snapshot"</c>); a definition changed since its snapshot, or never snapshotted,
/// is computed now and kept as its snapshot. Any other body is an ad-hoc query: computed from the raw events
/// (<c>"raw"</c>) and kept for <see cref="SnapshotOptions.AdhocCacheSeconds"/>, during which the same body gets the
/// kept answer (<c>"snapshot"</c>). <c>meta.computedAt</c> always says when the numbers were computed.
/// </summary>
public sealed class SnapshotAnswers(ISnapshotStore store, ISavedItems saved, SnapshotOptions options, TimeProvider clock)
{
    /// <summary>An ad-hoc body with <c>"fresh": true</c> is computed again even when a kept answer is young enough.</summary>
    public const string FreshField = "fresh";

    public async Task<JsonObject> AnswerAsync(ISnapshotAnalysis analysis, JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind == JsonValueKind.Object && QueryFields.Optional(body, "id") is { } idField)
        {
            var id = idField.ValueKind == JsonValueKind.String ? idField.GetString()! : throw new QueryException("'id' is the id of a saved definition, a string.", "id");
            return await SavedAsync(analysis, id, cancellationToken);
        }

        // Written compactly and without "fresh", so that the same query asked with other spacing finds the same cached answer.
        var fresh = QueryFields.Bool(body, FreshField, FreshField, false);
        var question = JsonObject.Create(body)!;
        question.Remove(FreshField);
        var text = question.ToJsonString();
        var key = SnapshotKeys.Adhoc(analysis.Kind, text);
        var kept = fresh ? null : await store.NewestAsync(key, cancellationToken);
        var now = clock.GetUtcNow();
        if (kept is not null && now - kept.ComputedAt < TimeSpan.FromSeconds(options.AdhocCacheSeconds))
        {
            var age = (long)(now - kept.ComputedAt).TotalSeconds;
            return WithMeta(kept, "snapshot", string.Create(CultureInfo.InvariantCulture, $"the same query was computed {age} s ago; answers are kept for {options.AdhocCacheSeconds} s"));
        }

        var computed = await ComputeAsync(analysis, body, SnapshotKeys.Hash(text), cancellationToken);
        await store.SaveAsync(key, computed, cancellationToken);
        return WithMeta(computed, "raw", fresh ? "computed from the raw events, as asked (fresh)" : "computed from the raw events");
    }

    /// <summary>Computes a saved definition's snapshot and keeps it: what the timers do for each saved funnel and retention.</summary>
    public async Task<Snapshot> RefreshAsync(ISnapshotAnalysis analysis, string id, JsonObject item, CancellationToken cancellationToken)
    {
        var text = item.ToJsonString();
        using var definition = JsonDocument.Parse(text);
        var snapshot = await ComputeAsync(analysis, definition.RootElement, SnapshotKeys.Hash(text), cancellationToken);
        await store.SaveAsync(SnapshotKeys.Saved(analysis.Kind, id), snapshot, cancellationToken);
        return snapshot;
    }

    private async Task<JsonObject> SavedAsync(ISnapshotAnalysis analysis, string id, CancellationToken cancellationToken)
    {
        var item = await saved.GetAsync(analysis.Kind, id, cancellationToken)
            ?? throw new QueryException($"There is no saved {analysis.Kind.Name.TrimEnd('s')} '{id}'.", "id", 404);
        var kept = await store.NewestAsync(SnapshotKeys.Saved(analysis.Kind, id), cancellationToken);
        if (kept is not null && kept.DefinitionHash == SnapshotKeys.Hash(item.ToJsonString()))
        {
            return WithMeta(kept, "snapshot", null);
        }

        var fresh = await RefreshAsync(analysis, id, item, cancellationToken);
        return WithMeta(fresh, "snapshot", kept is null ? "no snapshot yet: computed now and kept" : "the definition changed since its last snapshot: computed now and kept");
    }

    private async Task<Snapshot> ComputeAsync(ISnapshotAnalysis analysis, JsonElement definition, string hash, CancellationToken cancellationToken)
    {
        var answer = await analysis.ComputeAsync(definition, cancellationToken);
        return new Snapshot(answer, clock.GetUtcNow(), hash);
    }

    private static JsonObject WithMeta(Snapshot snapshot, string source, string? reason)
    {
        var answer = snapshot.Answer.DeepClone().AsObject();
        if (answer["meta"] is not JsonObject meta)
        {
            meta = [];
            answer["meta"] = meta;
        }

        meta["source"] = source;
        meta["computedAt"] = snapshot.ComputedAt;
        meta["reason"] = reason;
        return answer;
    }
}
