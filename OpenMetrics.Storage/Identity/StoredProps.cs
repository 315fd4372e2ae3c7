using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace OpenMetrics.Storage.Identity;

/// <summary>The properties of a profile or session row (their current values, without the write times) as an answer's JSON object.</summary>
internal static class StoredProps
{
    public static JsonObject Read(TableEntity row) =>
        EntityText.Read(row, "Props") is { } json && JsonNode.Parse(json) is JsonObject props ? props : [];
}
