namespace OpenMetrics.Core.Query;

/// <summary>
/// Identity as a query reads it: as it is when the query runs. Each call gives fresh lookups that live for one query,
/// so a setUserId or a merge between two queries moves the events of the next one.
/// </summary>
public interface IIdentityReader
{
    /// <summary>Who each session belongs to now.</summary>
    ISessionUserLookup SessionUsers();

    /// <summary>User properties now, by the user key a query resolved.</summary>
    IPropsLookup UserProps();

    /// <summary>Session properties now, by session id.</summary>
    IPropsLookup SessionProps();
}
