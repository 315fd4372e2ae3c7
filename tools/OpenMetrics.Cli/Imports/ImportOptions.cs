using OpenMetrics.Core.Imports;

namespace OpenMetrics.Cli.Imports;

/// <summary>What <c>import FILE --format F --url URL --key KEY [--part-mb N] [--poll-seconds S]</c> asks for.</summary>
internal sealed record ImportOptions(string File, ImportFormat Format, Uri Url, string Key, long PartBytes, TimeSpan PollInterval)
{
    /// <summary>32 MB a part: well under the 100 MB a Functions request body may be, and quick to retry.</summary>
    public const int DefaultPartMb = 32;
}
