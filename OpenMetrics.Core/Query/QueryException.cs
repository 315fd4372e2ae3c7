namespace OpenMetrics.Core.Query;

/// <summary>
/// A query the client got wrong: answered 400 (or 404 for an unknown saved item) with <c>{"error", "field"}</c>,
/// as docs/query.md's "Errors" says. Thrown by parsing and validation; never for a fault of the server.
/// </summary>
public sealed class QueryException : Exception
{
    public QueryException(string message, string? field = null, int status = 400)
        : base(message)
    {
        Field = field;
        Status = status;
    }

    public QueryException()
    {
    }

    public QueryException(string message)
        : base(message)
    {
    }

    public QueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The request field at fault, as a JSON path such as <c>series[1].filters[0].op</c>.</summary>
    public string? Field { get; }

    public int Status { get; } = 400;

    public static QueryException NotFound(string what) => new($"{what} was not found.", null, 404);
}
