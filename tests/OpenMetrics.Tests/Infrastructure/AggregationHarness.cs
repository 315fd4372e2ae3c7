using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenMetrics.Apps.Hosting;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.Tests.Infrastructure;

/// <summary>
/// The aggregate app's real services against the test Azurite, as the Functions app and the local host register
/// them, optionally with extra pipeline policies (to count requests, or to fail one part way).
/// </summary>
public sealed class AggregationHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public AggregationHarness(string connectionString, params HttpPipelinePolicy[] policies)
        : this(connectionString, TimeProvider.System, policies)
    {
    }

    public AggregationHarness(string connectionString, TimeProvider clock, params HttpPipelinePolicy[] policies)
    {
        var account = StorageAccount.FromConnectionString(connectionString, new StorageClientOptions { ExtraPolicies = policies });
        var configuration = new ConfigurationBuilder().Build();
        _services = new ServiceCollection()
            .AddSingleton(account)
            .AddSingleton(clock)
            .AddOpenMetricsAggregation(configuration)
            .BuildServiceProvider();
        foreach (var table in AggregationTables.All)
        {
            Tables.Get(table);
        }
    }

    public IngestProcessor Processor => _services.GetRequiredService<IngestProcessor>();

    /// <summary>What the imports queue function runs for one chunk message.</summary>
    public OpenMetrics.Apps.Queues.ImportQueueHandler ImportChunks => _services.GetRequiredService<OpenMetrics.Apps.Queues.ImportQueueHandler>();

    /// <summary>What aggregation wrote, read row by row.</summary>
    public StoredRows Rows => new(Tables);

    public AggregateCompactor Compactor => _services.GetRequiredService<AggregateCompactor>();

    public MemberStore Members => _services.GetRequiredService<MemberStore>();

    public IdentityStore Identity => _services.GetRequiredService<IdentityStore>();

    public EventStore Events => _services.GetRequiredService<EventStore>();

    public AggregationTables Tables => _services.GetRequiredService<AggregationTables>();

    public async Task ProcessAllAsync(IEnumerable<BinaryData> bodies)
    {
        foreach (var body in bodies)
        {
            await Processor.ProcessAsync(body, CancellationToken.None);
        }
    }

    public void Dispose() => _services.Dispose();
}
