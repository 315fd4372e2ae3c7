namespace OpenMetrics.Core.Imports;

/// <summary>
/// A defect of the whole file, not of one record: a truncated gzip, a JSON array never closed, a CSV header that
/// cannot name the records. The import ends <c>failed</c> with <see cref="Exception.Message"/>, written for a person.
/// </summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string message)
        : base(message)
    {
    }

    public ImportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportFileException()
    {
    }
}
