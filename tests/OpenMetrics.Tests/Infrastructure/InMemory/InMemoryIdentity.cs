using System.Text.Json;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Tests.Infrastructure.InMemory;

/// <summary>Identity as a query reads it, from dictionaries: each session's user now, and properties now.</summary>
public sealed class InMemoryIdentity : IIdentityReader
{
    public Dictionary<string, string> SessionOwners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonElement> UserProperties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonElement> SessionProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>How many sessions the lookups were asked to load, over every query.</summary>
    public int SessionsLoaded { get; private set; }

    public ISessionUserLookup SessionUsers() => new Sessions(this);

    public IPropsLookup UserProps() => new Props(UserProperties);

    public IPropsLookup SessionProps() => new Props(SessionProperties);

    private sealed class Sessions(InMemoryIdentity identity) : ISessionUserLookup
    {
        private readonly Dictionary<string, string> _loaded = new(StringComparer.Ordinal);

        public Task LoadAsync(IEnumerable<string> sessionIds, CancellationToken cancellationToken)
        {
            foreach (var sessionId in sessionIds)
            {
                identity.SessionsLoaded++;
                if (identity.SessionOwners.TryGetValue(sessionId, out var user))
                {
                    _loaded[sessionId] = user;
                }
            }

            return Task.CompletedTask;
        }

        public string UserOf(string sessionId, string writtenAs) => _loaded.TryGetValue(sessionId, out var user) ? user : writtenAs;
    }

    private sealed class Props(Dictionary<string, JsonElement> stored) : IPropsLookup
    {
        private readonly Dictionary<string, JsonElement?> _loaded = new(StringComparer.Ordinal);

        public Task LoadAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
        {
            foreach (var key in keys)
            {
                _loaded[key] = stored.TryGetValue(key, out var props) ? props : null;
            }

            return Task.CompletedTask;
        }

        public JsonElement? Of(string key) => _loaded.TryGetValue(key, out var props) ? props : null;
    }
}
