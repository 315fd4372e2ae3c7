using Azure;

namespace OpenMetrics.Storage;

/// <summary>Which failures of a storage call a retry may cure: the query API answers those 503 with Retry-After.</summary>
public static class StorageTrouble
{
    /// <summary>A storage answer that a retry may cure, or the SDK's own retries giving up on an unreachable account.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => inner is RequestFailedException or HttpRequestException),
        HttpRequestException => true,
        _ => false,
    };
}
