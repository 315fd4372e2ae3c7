using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OpenMetrics.Apps.Http;

namespace OpenMetrics.Apps.Query.Settings;

/// <summary>
/// <c>GET /api/settings</c>: what the dashboard needs to know about this deployment. In Azure the logging API is the
/// ingest app, on another address than the query app that serves the dashboard: its URL comes from the app setting
/// <see cref="IngestUrlSetting"/> (Bicep sets it), so that the getting-started snippet points at the right place. On
/// the local host it is unset and the dashboard uses its own origin, where the logging API also answers.
/// </summary>
public sealed class SettingsHandler(IConfiguration configuration) : IQueryHandler
{
    public const string IngestUrlSetting = "OPENMETRICS_INGEST_URL";

    public Task<HttpAnswer> HandleAsync(HttpRequest request, string? id, CancellationToken cancellationToken) =>
        Task.FromResult(QueryAnswers.Answer(new SettingsAnswer(configuration[IngestUrlSetting] is { Length: > 0 } url ? url.TrimEnd('/') : null)));

    /// <param name="IngestUrl">The logging API's base URL; null when it is the dashboard's own origin.</param>
    public sealed record SettingsAnswer(string? IngestUrl);
}
