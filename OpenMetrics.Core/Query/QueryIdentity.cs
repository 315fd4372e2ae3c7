using OpenMetrics.Core.Events;

namespace OpenMetrics.Core.Query;

/// <summary>The identity lookups of one query: each session's user now, and user and session properties now.</summary>
public sealed class QueryIdentity(IIdentityReader identity)
{
    public ISessionUserLookup Sessions { get; } = identity.SessionUsers();

    public IPropsLookup UserProps { get; } = identity.UserProps();

    public IPropsLookup SessionProps { get; } = identity.SessionProps();

    /// <summary>Loads what reading a day of raw events needs: each session's user now, and user or session properties.</summary>
    public async Task LoadForDayAsync(IReadOnlyCollection<StoredEvent> day, bool users, bool userProps, bool sessionProps, CancellationToken cancellationToken)
    {
        if (users || userProps)
        {
            await Sessions.LoadAsync(day.Select(e => e.SessionId), cancellationToken);
        }

        if (userProps)
        {
            await UserProps.LoadAsync(day.Select(e => Sessions.UserOf(e.SessionId, e.UserKey)), cancellationToken);
        }

        if (sessionProps)
        {
            await SessionProps.LoadAsync(day.Select(e => e.SessionId), cancellationToken);
        }
    }
}
