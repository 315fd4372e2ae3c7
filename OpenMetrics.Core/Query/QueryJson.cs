using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenMetrics.Core.Query;

/// <summary>
/// The JSON of query answers: camelCase names (docs/query.md's field names), nulls written out (a <c>null</c>
/// <c>breakdownValue</c> or <c>next</c> is part of the contract), ISO-8601 times as <see cref="DateTimeOffset"/> writes them.
/// </summary>
public static class QueryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
