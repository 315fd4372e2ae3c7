namespace OpenMetrics.Cli.Imports;

/// <summary>One request body of an import: the bytes as sent, whether they are gzipped, and whether it is the last.</summary>
internal sealed record ImportPart(byte[] Body, bool Gzip, string ContentType, bool Final);
