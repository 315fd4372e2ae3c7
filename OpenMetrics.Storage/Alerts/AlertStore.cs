using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using OpenMetrics.Core.Alerts;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage.Alerts;

/// <summary>
/// The <c>Alerts</c> table: one partition per alert (the id). Row <c>alert</c> holds the definition as JSON text and the
/// state's columns; rows <c>h_{inverted ticks of the interval's start}</c> are its crossings, newest first. The state
/// and a crossing share a partition so that one transaction, conditional on the state row's ETag, claims an interval
/// and adds its crossing: of two runs that read the same version, one commits and the other gets 412. A list reads the
/// <c>alert</c> rows only (a project has at most <see cref="AlertParser.MaxAlerts"/>).
/// </summary>
public sealed class AlertStore(TableClient table, AlertParser parser) : IAlertStore
{
    private const string AlertRow = "alert";
    private const string HistoryPrefix = "h_";

    public async Task<IReadOnlyList<StoredAlert>> ListAsync(CancellationToken cancellationToken)
    {
        var alerts = new List<StoredAlert>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey == AlertRow, cancellationToken: cancellationToken))
        {
            // A definition the rules refuse today (a private webhook after private ranges were turned off, say) is
            // left out, so that one stale alert never stops the others; GET /api/alerts/{id} answers why.
            try
            {
                alerts.Add(Read(row));
            }
            catch (Core.Query.QueryException)
            {
            }
        }

        return [.. alerts.OrderBy(alert => alert.Definition.CreatedAt).ThenBy(alert => alert.Definition.Id, StringComparer.Ordinal)];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.RowKey == AlertRow, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<StoredAlert?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.KeyPart(id), AlertRow, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<StoredAlert> PutAsync(AlertDefinition definition, CancellationToken cancellationToken)
    {
        // Conditional on the version read, so that a PUT never writes back a state a run has claimed past meanwhile.
        while (true)
        {
            var existing = await GetAsync(definition.Id, cancellationToken);
            var state = existing?.State ?? AlertState.New;
            try
            {
                var response = existing is null
                    ? await table.AddEntityAsync(Entity(definition, state), cancellationToken)
                    : await table.UpdateEntityAsync(Entity(definition, state), new ETag(existing.Version), TableUpdateMode.Replace, cancellationToken);
                return new StoredAlert(definition, state, response.Headers.ETag?.ToString() ?? "");
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
            {
                // A run or another PUT wrote first: read again.
            }
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var partition = KeyEncoding.KeyPart(id);
        var found = false;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            found |= row.RowKey == AlertRow;
            await table.DeleteEntityAsync(partition, row.RowKey, cancellationToken: cancellationToken);
        }

        return found;
    }

    public async Task<StoredAlert?> TryClaimAsync(StoredAlert alert, AlertState state, AlertEvent? crossing, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions =
            [new(TableTransactionActionType.UpdateReplace, Entity(alert.Definition, state), new ETag(alert.Version))];
        if (crossing is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, History(alert.Definition.Id, crossing)));
        }

        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken);
            return alert with { State = state, Version = response.Value[0].Headers.ETag?.ToString() ?? "" };
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404 or 409)
        {
            return null;
        }
    }

    public async Task RecordDeliveryAsync(string id, AlertEvent crossing, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(History(id, crossing), ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The alert was deleted while it delivered: it stays deleted.
        }
    }

    public async Task<IReadOnlyList<AlertEvent>> HistoryAsync(string id, int limit, CancellationToken cancellationToken)
    {
        var partition = KeyEncoding.KeyPart(id);
        var crossings = new List<AlertEvent>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(HistoryPrefix) >= 0 && e.RowKey.CompareTo("h`") < 0, cancellationToken: cancellationToken))
        {
            crossings.Add(ReadHistory(row));
            if (crossings.Count >= limit)
            {
                break;
            }
        }

        return crossings;
    }

    private static TableEntity Entity(AlertDefinition definition, AlertState state)
    {
        var entity = new TableEntity(KeyEncoding.KeyPart(definition.Id), AlertRow)
        {
            ["Id"] = definition.Id,
            ["Firing"] = state.Firing,
            ["LastIntervalFrom"] = state.LastIntervalFrom,
            ["LastIntervalTo"] = state.LastIntervalTo,
            ["LastValue"] = state.LastValue,
            ["LastEvaluatedAt"] = state.LastEvaluatedAt,
            ["ResolvedAt"] = state.ResolvedAt,
            ["LastError"] = state.LastError,
        };
        EntityText.Write(entity, "Json", AlertJson.Definition(definition).ToJsonString());
        return entity;
    }

    private StoredAlert Read(TableEntity row)
    {
        using var json = JsonDocument.Parse(EntityText.Read(row, "Json") ?? "{}");
        var root = json.RootElement;
        var id = row.GetString("Id") ?? "";
        var createdAt = root.TryGetProperty("createdAt", out var created) && created.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.UnixEpoch;
        var state = new AlertState(
            row.GetBoolean("Firing") ?? false,
            row.GetDateTimeOffset("LastIntervalFrom"),
            row.GetDateTimeOffset("LastIntervalTo"),
            row.GetDouble("LastValue"),
            row.GetDateTimeOffset("LastEvaluatedAt"),
            row.GetDateTimeOffset("ResolvedAt"),
            row.GetString("LastError") is { Length: > 0 } error ? error : null);
        return new StoredAlert(parser.Parse(id, root, createdAt), state, row.ETag.ToString());
    }

    /// <summary>Newest first: the row key counts down as the interval's start moves on.</summary>
    private static string HistoryRow(DateTimeOffset from) =>
        HistoryPrefix + (DateTimeOffset.MaxValue.UtcTicks - from.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity History(string id, AlertEvent crossing) => new(KeyEncoding.KeyPart(id), HistoryRow(crossing.From))
    {
        ["From"] = crossing.From,
        ["To"] = crossing.To,
        ["State"] = crossing.State,
        ["Value"] = crossing.Value,
        ["Previous"] = crossing.Previous,
        ["ChangePct"] = crossing.ChangePct,
        ["EvaluatedAt"] = crossing.EvaluatedAt,
        ["Delivery"] = crossing.Delivery,
        ["Deliveries"] = JsonSerializer.Serialize(crossing.Deliveries, AlertStoreJson.Default.IReadOnlyListDeliveryOutcome),
    };

    private static AlertEvent ReadHistory(TableEntity row) => new(
        row.GetDateTimeOffset("From") ?? DateTimeOffset.UnixEpoch,
        row.GetDateTimeOffset("To") ?? DateTimeOffset.UnixEpoch,
        row.GetString("State") ?? "",
        row.GetDouble("Value"),
        row.GetDouble("Previous"),
        row.GetDouble("ChangePct"),
        row.GetDateTimeOffset("EvaluatedAt") ?? DateTimeOffset.UnixEpoch,
        row.GetString("Delivery") ?? "pending",
        JsonSerializer.Deserialize(row.GetString("Deliveries") ?? "[]", AlertStoreJson.Default.IReadOnlyListDeliveryOutcome) ?? []);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<DeliveryOutcome>))]
internal sealed partial class AlertStoreJson : System.Text.Json.Serialization.JsonSerializerContext;
