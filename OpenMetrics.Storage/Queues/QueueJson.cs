using System.Text.Json.Serialization;

namespace OpenMetrics.Storage.Queues;

/// <summary>The poison API's JSON, generated at compile time: camelCase, nulls written so a missing reason shows as such.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PoisonListing))]
[JsonSerializable(typeof(ReplayResult))]
[JsonSerializable(typeof(PoisonDiscard))]
internal sealed partial class QueueJson : JsonSerializerContext;
