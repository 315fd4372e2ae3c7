using System.Text.Json;

namespace OpenMetrics.Core.Analysis;

/// <summary>The user a stream of events belongs to, after identity resolution: their key and their properties now.</summary>
public readonly record struct AnalysisUser(string Key, JsonElement? Props = null);
