namespace OpenMetrics.Core.Query.Catalog;

/// <summary>Where the catalog comes from: the event names of the last <see cref="WindowDays"/> UTC days, their counts, property keys and values, last seen.</summary>
public interface ICatalogSource
{
    const int WindowDays = 30;

    Task<CatalogSnapshot> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
