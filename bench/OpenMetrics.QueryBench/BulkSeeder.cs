using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using OpenMetrics.Core.Aggregation;
using OpenMetrics.Core.Ingest;
using OpenMetrics.Core.Time;
using OpenMetrics.Storage;
using OpenMetrics.Storage.Aggregation;
using OpenMetrics.Storage.Events;
using OpenMetrics.Storage.Identity;

namespace OpenMetrics.QueryBench;

/// <summary>
/// Writes a dataset straight into the tables aggregation would have produced once it was done and compacted, with the
/// same key builders: raw event pages in Events and SessionEvents, sessions and users in Identity, day and hour
/// summaries in Aggregates and their copies in RollupsDaily and RollupsHourly. Not written: minute rows and Members (user sets), which the
/// measured queries do not read. The real pipeline would take hours on Azurite for a million events; this takes minutes.
/// </summary>
public sealed class BulkSeeder(TableServiceClient tables)
{
    private const int Parallelism = 8;

    public async Task<int> SeedAsync(IEnumerable<SyntheticSession> sessions, CancellationToken cancellationToken)
    {
        var events = Table(StorageNames.EventsTable);
        var sessionEvents = Table(StorageNames.SessionEventsTable);
        var identity = Table(StorageNames.IdentityTable);
        var pages = new List<TableEntity>();
        var sessionPages = new List<TableEntity>();
        var identityRows = new Dictionary<(string, string), TableEntity>();
        var figures = new Dictionary<(string Day, string Bucket, string Event), BucketFigures>();
        var written = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        foreach (var session in sessions)
        {
            foreach (var hour in session.Events.GroupBy(e => EventPageKeys.HourKey(e.Ts)))
            {
                var pageEvents = hour.ToList();
                var message = new IngestMessage(IngestMessage.CurrentVersion, $"{session.SessionId}-{hour.Key}", session.SessionId, V1Call.Events,
                    pageEvents[^1].Ts, session.SessionId, 0, 1, Events: pageEvents);
                var first = pageEvents[0].Ts;
                var page = EventPage.Create(EventPageKeys.TimePartition(first, session.SessionId), EventPageKeys.TimeRow(first, message.Id), message, pageEvents, session.UserId);
                pages.Add(page);
                sessionPages.Add(new TableEntity(page)
                {
                    PartitionKey = EventPageKeys.SessionPartition(session.SessionId),
                    RowKey = EventPageKeys.SessionRow(pageEvents[^1].Ts, hour.Key, message.Id),
                });
            }

            foreach (var e in session.Events)
            {
                foreach (var bucket in new[] { UtcBuckets.DayLevel, UtcBuckets.HourLevel(e.Ts) })
                {
                    var key = (UtcBuckets.Day(e.Ts), bucket, e.Name);
                    if (!figures.TryGetValue(key, out var bucketFigures))
                    {
                        figures[key] = bucketFigures = new BucketFigures();
                    }

                    bucketFigures.AddEvent(e.Props);
                }
            }

            AddIdentity(identityRows, session);
            written += session.Events.Count;
            if (pages.Count >= 20_000)
            {
                await WriteAsync(events, pages, cancellationToken);
                await WriteAsync(sessionEvents, sessionPages, cancellationToken);
                pages.Clear();
                sessionPages.Clear();

                // Seeding a million events into Azurite takes long: say how far it got.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {written:N0} events written, {watch.Elapsed.TotalSeconds:N0} s"));
            }
        }

        await WriteAsync(events, pages, cancellationToken);
        await WriteAsync(sessionEvents, sessionPages, cancellationToken);
        await WriteAsync(identity, identityRows.Values, cancellationToken);
        await WriteFiguresAsync(figures, cancellationToken);
        return written;
    }

    private static void AddIdentity(Dictionary<(string, string), TableEntity> rows, SyntheticSession session)
    {
        var first = session.Events[0].Ts;
        var last = session.Events[^1].Ts;
        rows[(IdentityKeys.SessionPartition(session.SessionId), IdentityKeys.SessionRow)] =
            new TableEntity(IdentityKeys.SessionPartition(session.SessionId), IdentityKeys.SessionRow)
            {
                ["SessionId"] = session.SessionId, ["UserKey"] = session.UserId, ["FirstSeen"] = first, ["LastSeen"] = last,
            };
        var userPartition = IdentityKeys.UserPartition(session.UserId);
        rows[(userPartition, IdentityKeys.UserSessionRow(session.SessionId))] = new TableEntity(userPartition, IdentityKeys.UserSessionRow(session.SessionId)) { ["SessionId"] = session.SessionId };
        if (!rows.ContainsKey((userPartition, IdentityKeys.ProfileRow)))
        {
            var user = int.Parse(session.UserId[5..], CultureInfo.InvariantCulture);
            var profile = new TableEntity(userPartition, IdentityKeys.ProfileRow) { ["UserKey"] = session.UserId, ["IsAnonymous"] = false };
            EntityText.Write(profile, "Props", JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["country"] = SyntheticData.CountryOf(user), ["plan"] = SyntheticData.Plans[user % SyntheticData.Plans.Length],
            }));
            rows[(userPartition, IdentityKeys.ProfileRow)] = profile;
        }
    }

    /// <summary>Summaries as the compactor leaves them (all in shard 0), and the rollup copies it writes.</summary>
    private async Task WriteFiguresAsync(Dictionary<(string Day, string Bucket, string Event), BucketFigures> figures, CancellationToken cancellationToken)
    {
        var aggregates = Table(StorageNames.AggregatesTable);
        var summaries = new List<TableEntity>();
        var daily = new List<TableEntity>();
        var hourly = new List<TableEntity>();
        foreach (var ((day, bucket, eventName), bucketFigures) in figures)
        {
            var partition = AggregateKeys.Partition(day, 0);
            var summary = new TableEntity(partition, AggregateKeys.Row(bucket, eventName, AggregateKeys.SummarySuffix))
            {
                ["EventName"] = eventName,
                ["State"] = AggregateStore.Summary,
            };
            BucketFigureColumns.Write(bucketFigures, summary);
            summaries.Add(summary);
            if (RollupStore.Copy(partition, bucket, eventName, bucketFigures) is { } copy)
            {
                (copy.Daily ? daily : hourly).Add(copy.Entity);
            }
        }

        await WriteAsync(aggregates, summaries, cancellationToken);
        await WriteAsync(Table(StorageNames.RollupsDailyTable), daily, cancellationToken);
        await WriteAsync(Table(StorageNames.RollupsHourlyTable), hourly, cancellationToken);
    }

    private static async Task WriteAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var chunks = entities.GroupBy(e => e.PartitionKey).SelectMany(p => p.Chunk(TableBatches.MaxPerTransaction)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (chunk, token) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
    }

    private TableClient Table(string name)
    {
        var table = tables.GetTableClient(name);
        table.CreateIfNotExists();
        return table;
    }
}
