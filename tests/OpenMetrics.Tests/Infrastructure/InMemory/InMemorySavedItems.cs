using System.Text.Json.Nodes;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>Saved definitions in a list per kind, oldest created first as <see cref="ISavedItems"/> lists them; a put on an existing id keeps its place.</summary>
public sealed class InMemorySavedItems : ISavedItems
{
    private readonly List<(SavedKind Kind, string Id, JsonObject Item)> _items = [];

    public Task<List<JsonObject>> ListAsync(SavedKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Where(i => i.Kind == kind).Select(i => (JsonObject)i.Item.DeepClone()).ToList());

    public Task<JsonObject?> GetAsync(SavedKind kind, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_items.Where(i => i.Kind == kind && i.Id == id).Select(i => (JsonObject?)i.Item.DeepClone()).FirstOrDefault());

    public Task PutAsync(SavedKind kind, string id, JsonObject item, CancellationToken cancellationToken)
    {
        var index = _items.FindIndex(i => i.Kind == kind && i.Id == id);
        var stored = (kind, id, (JsonObject)item.DeepClone());
        if (index >= 0)
        {
            _items[index] = stored;
        }
        else
        {
            _items.Add(stored);
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(SavedKind kind, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_items.RemoveAll(i => i.Kind == kind && i.Id == id) > 0);
}
