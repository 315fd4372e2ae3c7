using System.Text.Json;

namespace OpenMetrics.Core.Imports;

/// <summary>
/// One record of an import file as read, before it is mapped to an event: a JSON object (a CSV row becomes one, named
/// by the header), or the reason it could not be read.
/// </summary>
/// <param name="Line">The file's line (1-based) the record starts on: what a refusal names, so a person can find it.</param>
/// <param name="Value">The record, when it could be read.</param>
/// <param name="Error">Why it could not be read (not JSON, a CSV row with the wrong number of fields), else null.</param>
public sealed record ImportRecord(long Line, JsonElement? Value, string? Error);
