using OpenMetrics.Core.Analysis;

namespace OpenMetrics.Core.Query.Streams;

/// <summary>
/// Every user's events of a range, resolved to the user each session belongs to now (anonymous sessions included),
/// in compact form; handed to an engine one user at a time, sorted in <see cref="EventOrder"/>.
/// </summary>
public sealed class UserStreams
{
    private readonly Dictionary<string, List<StreamEvent>> _byUser;
    private readonly QueryIdentity _people;

    internal UserStreams(Dictionary<string, List<StreamEvent>> byUser, QueryIdentity people, long eventsRead)
    {
        _byUser = byUser;
        _people = people;
        EventsRead = eventsRead;
    }

    /// <summary>Raw events the scan read (kept or not).</summary>
    public long EventsRead { get; }

    public int Users => _byUser.Count;

    /// <summary>Calls <paramref name="onUser"/> per user, in user-key order so that two runs list drop-offs alike.</summary>
    public void ForEachUser(UserStreamAction onUser)
    {
        var buffer = new List<AnalysisEvent>();
        foreach (var key in _byUser.Keys.Order(StringComparer.Ordinal))
        {
            var events = _byUser[key];
            events.Sort(StreamEvent.Compare);
            buffer.Clear();
            foreach (var e in events)
            {
                buffer.Add(e.ToAnalysisEvent());
            }

            onUser(new AnalysisUser(key, _people.UserProps.Of(key)), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer));

            // The user is done with: let the collector have their events before the next user's are sorted.
            _byUser[key] = [];
        }
    }
}

/// <summary>One user's turn: who they are and their events in order.</summary>
public delegate void UserStreamAction(in AnalysisUser user, ReadOnlySpan<AnalysisEvent> events);
