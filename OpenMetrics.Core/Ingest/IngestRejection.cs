namespace OpenMetrics.Core.Ingest;

/// <summary>Why a call (or one event of it) was refused: a one-line reason, the field at fault and the HTTP status.</summary>
public sealed record IngestRejection(int Status, string Error, string? Field)
{
    public static IngestRejection BadRequest(string error, string? field) => new(400, error, field);

    public static IngestRejection TooLarge(string error) => new(413, error, null);

    public static IngestRejection UnsupportedMediaType(string error) => new(415, error, null);
}
