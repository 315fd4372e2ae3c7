using System.Text.Json.Serialization.Metadata;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;

namespace OpenMetrics.Apps.Query;

/// <summary>Query answers as HTTP: the JSON of <see cref="QueryJson"/>, never cached; a <see cref="QueryException"/> as its 4xx.</summary>
public static class QueryAnswers
{
    public static HttpAnswer Answer<T>(T value, int status = 200) =>
        HttpAnswer.Json(status, value, (JsonTypeInfo<T>)QueryJson.Options.GetTypeInfo(typeof(T)))
            .WithHeader("Cache-Control", "no-store");

    public static HttpAnswer Error(QueryException exception) =>
        Answer(new QueryError(exception.Message, exception.Field), exception.Status);
}
