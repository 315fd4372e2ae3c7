using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Saved;

namespace OpenMetrics.Apps.Query.Saved;

/// <summary>
/// CRUD of saved things: <c>GET /api/{kind}</c> lists, <c>POST</c> creates with a new id, <c>GET|PUT|DELETE
/// /api/{kind}/{id}</c> read, create-or-replace and delete one. Each item is the definition as sent plus
/// <c>id</c>, <c>createdAt</c> and <c>updatedAt</c>.
/// </summary>
public sealed class SavedItemHandlers(ISavedItems store, IEnumerable<ISavedDefinitionCheck> checks, TimeProvider clock)
{
    /// <summary>Ids go into URLs and table keys: short, and made of characters that need no escaping anywhere.</summary>
    public const int MaxIdLength = 64;

    private readonly Dictionary<string, ISavedDefinitionCheck> _checks = checks.ToDictionary(check => check.Kind.Name, StringComparer.Ordinal);

    /// <summary>The handler of the kind's list route: <c>GET</c> lists, <c>POST</c> creates.</summary>
    public IQueryHandler List(SavedKind kind) => new Handler((request, _, cancellationToken) => ListAsync(kind, request, cancellationToken));

    /// <summary>The handler of the kind's item route: <c>GET</c>, <c>PUT</c> and <c>DELETE</c> one by its id.</summary>
    public IQueryHandler Item(SavedKind kind) => new Handler((request, id, cancellationToken) =>
        ItemAsync(kind, request, id ?? throw new QueryException("The route needs an id.", "id"), cancellationToken));

    public async Task<HttpAnswer> ListAsync(SavedKind kind, HttpRequest request, CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method)
            ? await SaveAsync(kind, NewId(), request, created: true, cancellationToken)
            : QueryAnswers.Answer(new Dictionary<string, List<JsonObject>> { [kind.Name] = await store.ListAsync(kind, cancellationToken) });

    public async Task<HttpAnswer> ItemAsync(SavedKind kind, HttpRequest request, string id, CancellationToken cancellationToken)
    {
        CheckId(id);
        if (HttpMethods.IsPut(request.Method))
        {
            return await SaveAsync(kind, id, request, created: false, cancellationToken);
        }

        if (HttpMethods.IsDelete(request.Method))
        {
            return await store.DeleteAsync(kind, id, cancellationToken)
                ? HttpAnswer.Empty(204)
                : QueryAnswers.Error(QueryException.NotFound($"The {kind.Name} item '{id}'"));
        }

        return await store.GetAsync(kind, id, cancellationToken) is { } item
            ? QueryAnswers.Answer(item)
            : QueryAnswers.Error(QueryException.NotFound($"The {kind.Name} item '{id}'"));
    }

    private async Task<HttpAnswer> SaveAsync(SavedKind kind, string id, HttpRequest request, bool created, CancellationToken cancellationToken)
    {
        var definition = await QueryBody.ReadObjectAsync(request, cancellationToken);
        var check = _checks.GetValueOrDefault(kind.Name);
        var nameField = check?.NameField ?? "name";
        if (!definition.TryGetProperty(nameField, out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString()))
        {
            throw new QueryException($"A saved item needs a non-empty string '{nameField}'.", nameField);
        }

        check?.Check(definition);

        var now = clock.GetUtcNow();
        var existing = created ? null : await store.GetAsync(kind, id, cancellationToken);
        var item = JsonNode.Parse(definition.GetRawText())!.AsObject();
        item["id"] = id;
        item["createdAt"] = existing?["createdAt"]?.DeepClone() ?? JsonValue.Create(now);
        item["updatedAt"] = JsonValue.Create(now);
        await store.PutAsync(kind, id, item, cancellationToken);
        return QueryAnswers.Answer(item, created || existing is null ? 201 : 200);
    }

    private static void CheckId(string id)
    {
        if (id.Length is 0 or > MaxIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new QueryException($"An id is 1 to {MaxIdLength} letters, digits, '-' or '_'.", "id");
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private sealed class Handler(Func<HttpRequest, string?, CancellationToken, Task<HttpAnswer>> handle) : IQueryHandler
    {
        public Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken) => handle(request, id, cancellationToken);
    }
}
