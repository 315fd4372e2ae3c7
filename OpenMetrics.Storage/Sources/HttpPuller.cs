using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenMetrics.Core.Metrics;
using OpenMetrics.Core.Metrics.Sources;

namespace OpenMetrics.Storage.Sources;

/// <summary>
/// An HTTP source: the URL's JSON answer, with the points' times and values picked by two JSON paths (Json.NET's
/// <c>SelectTokens</c>, which reads the common JSONPath syntax: <c>$.data[*].date</c>, <c>$..value</c>, filters). The
/// n-th time goes with the n-th value. Secret headers are read from <c>OpenMetrics:Sources:Secrets:NAME</c> at fetch
/// time. The connection goes through <see cref="GuardedConnections"/>.
/// </summary>
internal sealed class HttpPuller(SourcePipelines pipelines, IConfiguration configuration)
{
    public const string SecretsSection = "OpenMetrics:Sources:Secrets";

    public async Task<IReadOnlyList<MetricPoint>> PullAsync(MetricSource source, CancellationToken cancellationToken)
    {
        var pull = source.Http!;
        var service = pull.Url.Host;
        using var message = pipelines.Http.CreateMessage();
        message.BufferResponse = false;
        message.Request.Method = RequestMethod.Parse(pull.Method);
        message.Request.Uri.Reset(pull.Url);
        message.Request.Headers.Add("Accept", "application/json");
        foreach (var header in pull.Headers)
        {
            message.Request.Headers.SetValue(header.Name, header.Value ?? Secret(header));
        }

        try
        {
            await pipelines.Http.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not SourcePullException)
        {
            throw SourceErrors.FromException(service, exception);
        }

        var response = message.Response;
        if (response.Status is >= 300 and < 400)
        {
            var location = response.Headers.TryGetValue("Location", out var target) ? target : "elsewhere";
            throw new SourcePullException($"{pull.Url} redirected ({response.Status}) to {location}; redirects are not followed: give the final URL.");
        }

        var text = await ReadAsync(response, pull.Url, cancellationToken);
        if (response.IsError)
        {
            throw new SourcePullException($"{pull.Url} answered {response.Status} {response.ReasonPhrase}: {SourceErrors.Detail(text)}");
        }

        return JsonPathPoints.Read(source.Metric, text, pull);
    }

    private string Secret(HttpPullHeader header)
    {
        var value = configuration[$"{SecretsSection}:{header.Secret}"];
        if (string.IsNullOrEmpty(value))
        {
            throw new SourcePullException($"The secret '{header.Secret}' of header {header.Name} is not set: add the app setting OpenMetrics__Sources__Secrets__{header.Secret} (a Key Vault reference in Azure).");
        }

        return value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase)
            ? throw new SourcePullException($"The secret '{header.Secret}' is a Key Vault reference App Service has not resolved yet: give the app's identity Key Vault Secrets User on it, then restart the app.")
            : value;
    }

    private async Task<string> ReadAsync(Azure.Response response, Uri url, CancellationToken cancellationToken)
    {
        if (response.ContentStream is not { } stream)
        {
            return "";
        }

        var limit = pipelines.Connections.MaxResponseBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new SourcePullException($"{url} answered more than {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most a source may.");
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
