using System.Text.Json.Nodes;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.Saved;
using OpenMetrics.Core.Storage;

namespace OpenMetrics.Storage;

/// <summary>
/// Saved definitions in the <c>Saved</c> table: partition = the kind, row = the id, the definition as JSON text
/// (chunked by <see cref="EntityText"/> when long). A kind holds tens to hundreds of items, so a list is one partition read.
/// </summary>
public sealed class SavedItemStore(TableClient table) : ISavedItems
{
    public async Task<List<JsonObject>> ListAsync(SavedKind kind, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == kind.Name, cancellationToken: cancellationToken))
        {
            items.Add(Read(row));
        }

        return [.. items.OrderBy(item => (string?)item["createdAt"], StringComparer.Ordinal)];
    }

    public async Task<JsonObject?> GetAsync(SavedKind kind, string id, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(kind.Name, KeyEncoding.KeyPart(id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task PutAsync(SavedKind kind, string id, JsonObject item, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(kind.Name, KeyEncoding.KeyPart(id)) { ["Id"] = id };
        EntityText.Write(entity, "Json", item.ToJsonString());
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> DeleteAsync(SavedKind kind, string id, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(kind.Name, KeyEncoding.KeyPart(id), cancellationToken: cancellationToken);
        return response.Status != 404;
    }

    private static JsonObject Read(TableEntity row) => JsonNode.Parse(EntityText.Read(row, "Json") ?? "{}")!.AsObject();
}
