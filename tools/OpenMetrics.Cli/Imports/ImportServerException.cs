using System.Net;

namespace OpenMetrics.Cli.Imports;

/// <summary>The server refused a call (400 a wrong file, 401 a wrong key, 413 too large, ...), with its own words.</summary>
internal sealed class ImportServerException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
