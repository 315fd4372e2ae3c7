namespace OpenMetrics.Core.Metrics.Sources;

/// <summary>Fetches the points a source has in a time window, from wherever its kind says.</summary>
public interface ISourcePuller
{
    /// <exception cref="SourcePullException">The fetch failed; the message says why in plain words.</exception>
    Task<IReadOnlyList<MetricPoint>> PullAsync(MetricSource source, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>A pull that failed, with the reason as a user should read it (the source's last error).</summary>
public sealed class SourcePullException : Exception
{
    public SourcePullException()
    {
    }

    public SourcePullException(string message)
        : base(message)
    {
    }

    public SourcePullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
