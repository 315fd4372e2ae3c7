using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Metrics.Sources;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// The <c>Sources</c> table: one row per source (partition <c>source</c>, row = the id), the definition as JSON text
/// beside the run state's columns. A project has tens of sources, so a list is one partition read. The state is
/// claimed with the row's ETag: of two timer runs that read the same version, one update wins and the other gets 412.
/// </summary>
public sealed class SourceStore(TableClient table) : ISourceStore
{
    private const string Partition = "source";

    public async Task<IReadOnlyList<StoredSource>> ListAsync(CancellationToken cancellationToken)
    {
        var sources = new List<StoredSource>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            sources.Add(Read(row));
        }

        return [.. sources.OrderBy(source => source.Definition.CreatedAt).ThenBy(source => source.Definition.Id, StringComparer.Ordinal)];
    }

    public async Task<StoredSource?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, KeyEncoding.KeyPart(id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<StoredSource> PutAsync(MetricSource definition, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(definition.Id, cancellationToken);
        var state = (existing?.State ?? SourceState.New) with { NextDueAt = dueAt };
        var entity = Entity(definition, state);
        var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return new StoredSource(definition, state, response.Headers.ETag?.ToString() ?? "");
    }

    public async Task AddIfMissingAsync(MetricSource definition, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(Entity(definition, SourceState.New with { NextDueAt = dueAt }), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already there: kept as it is, changed by a user or not.
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(Partition, KeyEncoding.KeyPart(id), cancellationToken: cancellationToken);
        return response.Status != 404;
    }

    public async Task<StoredSource?> TryUpdateStateAsync(StoredSource source, SourceState state, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(StateEntity(source.Definition.Id, state), new ETag(source.Version), TableUpdateMode.Merge, cancellationToken);
            return source with { State = state, Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task SaveStateAsync(string id, SourceState state, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(StateEntity(id, state), ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Deleted during the run: it stays deleted.
        }
    }

    private static TableEntity Entity(MetricSource definition, SourceState state)
    {
        var entity = StateEntity(definition.Id, state);
        entity["Id"] = definition.Id;
        EntityText.Write(entity, "Json", SourceJson.Definition(definition).ToJsonString());
        return entity;
    }

    /// <summary>Every state column, nulls included, so that a merge clears what the new state no longer has.</summary>
    private static TableEntity StateEntity(string id, SourceState state) => new(Partition, KeyEncoding.KeyPart(id))
    {
        ["LastRunAt"] = state.LastRunAt,
        ["LastError"] = state.LastError ?? "",
        ["PointsWritten"] = state.PointsWritten,
        ["TotalPointsWritten"] = state.TotalPointsWritten,
        ["LastPointAt"] = state.LastPointAt,
        ["NextDueAt"] = state.NextDueAt,
        // Text, so that a merge can clear it ("" = not running): a null property is left out of a merge.
        ["RunningSince"] = state.RunningSince?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static StoredSource Read(TableEntity row)
    {
        using var json = JsonDocument.Parse(EntityText.Read(row, "Json") ?? "{}");
        var root = json.RootElement;
        var id = row.GetString("Id") ?? "";
        var createdAt = root.TryGetProperty("createdAt", out var created) && created.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.UnixEpoch;
        var premade = root.TryGetProperty("premade", out var flag) && flag.ValueKind == JsonValueKind.True;
        var definition = SourceParser.Parse(id, root, createdAt, premade);
        var running = DateTimeOffset.TryParse(row.GetString("RunningSince"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var since) ? since : (DateTimeOffset?)null;
        var state = new SourceState(
            row.GetDateTimeOffset("LastRunAt"),
            row.GetString("LastError") is { Length: > 0 } error ? error : null,
            row.GetInt32("PointsWritten") ?? 0,
            row.GetInt64("TotalPointsWritten") ?? 0,
            row.GetDateTimeOffset("LastPointAt"),
            row.GetDateTimeOffset("NextDueAt"),
            running);
        return new StoredSource(definition, state, row.ETag.ToString());
    }
}
