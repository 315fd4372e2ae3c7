using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace OpenMetrics.Storage;

/// <summary>
/// The tables aggregation (and the metric sources) write, created on first use in this process (Bicep creates them in Azure; locally, Azurite
/// starts empty). Creating them here, once, keeps every writer free of create-if-not-exists round trips.
/// </summary>
public sealed class AggregationTables(StorageAccount account)
{
    public static readonly IReadOnlyList<string> All =
    [
        StorageNames.EventsTable, StorageNames.SessionEventsTable, StorageNames.IdentityTable,
        StorageNames.AggregatesTable, StorageNames.RollupsDailyTable, StorageNames.RollupsHourlyTable, StorageNames.MembersTable,
        StorageNames.MetricPointsTable,
    ];

    private readonly TableServiceClient _service = account.Tables();
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);

    public TableClient Get(string name) => _tables.GetOrAdd(name, Create);

    private TableClient Create(string name)
    {
        var table = _service.GetTableClient(name);
        table.CreateIfNotExists();
        return table;
    }
}
