using System.Text.Json.Serialization;

namespace OpenMetrics.Core.Aggregation;

/// <summary>The JSON of pre-aggregate properties, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, NumericStats>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, long>>))]
internal sealed partial class AggregateJson : JsonSerializerContext;
