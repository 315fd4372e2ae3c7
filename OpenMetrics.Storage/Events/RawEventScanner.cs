using System.Globalization;
using Azure.Data.Tables;
using OpenMetrics.Core.Events;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Storage.Events;

/// <summary>
/// Reads the raw events of a time range from the <c>Events</c> table, a UTC day at a time: the day's 16 shards × 24
/// hour partitions sort together, so one partition-key range read (paged by the service) brings the whole day. Days are
/// read a few at a time in parallel and handed to the caller one day at a time; memory holds a few days, never the range.
/// </summary>
public sealed class RawEventScanner(TableClient events, QueryLimits limits) : IEventReader
{
    private const int DaysInFlight = 4;

    /// <summary>Calls <paramref name="onDay"/> with the events of each UTC day inside <c>[from, to)</c> (any day order; one call at a time).</summary>
    /// <returns>How many events were read.</returns>
    public async Task<long> ScanAsync(DateTimeOffset from, DateTimeOffset to, Func<List<StoredEvent>, Task> onDay, CancellationToken cancellationToken)
    {
        var days = new List<DateTime>();
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            days.Add(day);
        }

        long scanned = 0;
        using var gate = new SemaphoreSlim(1, 1);
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = DaysInFlight, CancellationToken = cancellationToken }, async (day, token) =>
        {
            var dayEvents = await ReadDayAsync(day, from, to, token);
            await gate.WaitAsync(token);
            try
            {
                scanned += dayEvents.Count;
                if (scanned > limits.MaxRawScanEvents)
                {
                    throw new QueryException(
                        $"This query reads the raw events, and the range holds more than {limits.MaxRawScanEvents} of them. Narrow the range, or drop the filters, segment or breakdown that need raw events.",
                        "from");
                }

                await onDay(dayEvents);
            }
            finally
            {
                gate.Release();
            }
        });
        return scanned;
    }

    private async Task<List<StoredEvent>> ReadDayAsync(DateTime day, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Partition keys are yyyyMMddHH_x: every hour of the day starts with the day.
        var partitions = KeyRange.StartingWith(day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        var found = new List<StoredEvent>();
        await foreach (var page in events.QueryAsync<TableEntity>(partitions.PartitionFilter(), cancellationToken: cancellationToken))
        {
            foreach (var stored in EventPage.Read(page))
            {
                if (stored.Ts >= from && stored.Ts < to)
                {
                    found.Add(stored);
                }
            }
        }

        return found;
    }
}
