using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenMetrics.Core.Ingest;

/// <summary>Reads a payload into a self-contained <see cref="JsonElement"/> (no document to dispose).</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PayloadElementJson : JsonSerializerContext;
