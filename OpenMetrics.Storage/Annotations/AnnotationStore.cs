using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using OpenMetrics.Core.Query.Annotations;

namespace OpenMetrics.Storage.Annotations;

/// <summary>
/// The <c>Annotations</c> table: partition <c>annotation</c>, row = <c>{UTC ticks of T:D19}_{16 hex}</c>, which is
/// also the annotation's id. Ticks first make a chart's time range one row-key range, and the id names the row for a
/// delete without a scan. A project holds at most <see cref="AnnotationLimits.MaxPerProject"/>, one partition.
/// </summary>
public sealed class AnnotationStore(TableClient table) : IAnnotationStore
{
    private const string Partition = "annotation";

    public async Task<IReadOnlyList<Annotation>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        if (from is { } start)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {Ticks(start)}");
        }

        if (to is { } end)
        {
            // Every row of the last tick sorts below the next tick's digits.
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {Ticks(end.AddTicks(1))}");
        }

        var annotations = new List<Annotation>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            annotations.Add(Read(row));
        }

        return annotations;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<Annotation> AddAsync(DateTimeOffset t, string text, string scope, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var annotation = new Annotation(Ticks(t) + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), t.ToUniversalTime(), text, scope, createdAt.ToUniversalTime());
        var entity = new TableEntity(Partition, annotation.Id)
        {
            ["T"] = annotation.T,
            ["Text"] = annotation.Text,
            ["Scope"] = annotation.Scope,
            ["CreatedAt"] = annotation.CreatedAt,
        };
        await table.AddEntityAsync(entity, cancellationToken);
        return annotation;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(Partition, id, cancellationToken: cancellationToken);
        return response.Status != 404;
    }

    private static string Ticks(DateTimeOffset t) => t.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static Annotation Read(TableEntity row) => new(
        row.RowKey,
        row.GetDateTimeOffset("T") ?? DateTimeOffset.MinValue,
        row.GetString("Text") ?? "",
        row.GetString("Scope") ?? AnnotationScope.Project,
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
