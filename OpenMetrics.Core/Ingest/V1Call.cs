namespace OpenMetrics.Core.Ingest;

/// <summary>The six calls of the v1 logging API (docs/api-v1.md). The route of each is <c>v1/{name}</c>.</summary>
public enum V1Call
{
    Ping,
    CreateUser,
    Events,
    SetUserId,
    SetUserProps,
    SetSessionProps,
}
