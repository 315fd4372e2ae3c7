using System.Text.Json.Serialization;

namespace OpenMetrics.Core.Ingest;

/// <summary>The queue message's JSON shape, generated at compile time: camelCase, enums as strings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IngestMessage))]
[JsonSerializable(typeof(IngestEvent))]
[JsonSerializable(typeof(IngestAnswer))]
[JsonSerializable(typeof(ErrorAnswer))]
internal sealed partial class IngestJson : JsonSerializerContext;
