using OpenMetrics.LocalHost;
using OpenMetrics.Tests.Infrastructure;

namespace OpenMetrics.Tests.Core.Imports;

/// <summary>
/// A local host of its own whose import settings are tiny, so that a test sees several chunks and the size limit with
/// a few lines: a request may carry 4,096 bytes and a chunk holds 2 records. No poller or timer runs.
/// </summary>
public sealed class SmallImportsHostFixture : LocalHostFixture
{
    public const int MaxRequestBytes = 4096;

    protected override string[] Arguments => [$"--OpenMetrics:Imports:MaxRequestBytes={MaxRequestBytes}", "--OpenMetrics:Imports:RecordsPerChunk=2"];

    protected override void Configure(LocalHostOptions options)
    {
        options.RunQueues = false;
        options.RunTimers = false;
    }
}
