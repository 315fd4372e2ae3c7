namespace OpenMetrics.Core.Functions;

/// <summary>
/// Routes of the v1 logging API. Constants, because the Functions attributes need compile-time values;
/// <see cref="FunctionCatalog"/> lists the same constants for the local host.
/// </summary>
public static class V1Routes
{
    public const string Ping = "v1/ping";
    public const string CreateUser = "v1/createUser";
    public const string Events = "v1/events";
    public const string SetUserId = "v1/setUserId";
    public const string SetUserProps = "v1/setUserProps";
    public const string SetSessionProps = "v1/setSessionProps";
}
