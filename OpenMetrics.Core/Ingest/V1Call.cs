namespace OpenMetrics.Core.Ingest;

/// <summary>The six calls of the v1 logging API (API.md). The route of each is <c>v1/{name}</c>.</summary>
public enum V1Call
{
    Ping,
    CreateUser,
    Events,
    SetUserId,
    SetUserProps,
    SetSessionProps,
}
