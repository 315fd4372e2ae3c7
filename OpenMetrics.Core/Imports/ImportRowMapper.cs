using System.Text.Json;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// One record of an import file to our model, or the plain-words reason it is refused, naming the field. Each format's
/// mapper finds the fields (<see cref="MixpanelRowMapper"/> and the others); the rules they share, the limits of live
/// events and the time rules, are <see cref="ImportEventBuilder"/>'s.
/// </summary>
public static class ImportRowMapper
{
    public static ImportedRow Map(ImportFormat format, ImportRecord record, IngestLimits limits, DateTimeOffset now)
    {
        if (record.Error is not null)
        {
            return new ImportedRow(record.Line, null, record.Error);
        }

        if (record.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return new ImportedRow(record.Line, null, $"line {record.Line} is not a JSON object");
        }

        var fields = format switch
        {
            ImportFormat.OpenMetrics => OpenMetricsRowMapper.Read(value),
            ImportFormat.Mixpanel => MixpanelRowMapper.Read(value),
            ImportFormat.Amplitude => AmplitudeRowMapper.Read(value),
            ImportFormat.PostHog => PostHogRowMapper.Read(value),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an import format"),
        };
        return ImportEventBuilder.Build(record.Line, fields, limits, now);
    }
}
