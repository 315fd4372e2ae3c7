using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenMetrics.Apps.Hosting;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Access;

namespace OpenMetrics.Apps.Query.Access;

/// <summary>
/// Who may call <c>/api/*</c> (docs/query.md, "Access"; docs/reliability.md, "Deploying and signing in"). The query key
/// opens everything. In Azure with sign-in on, a person App Service authentication signed in may read, and may change
/// things when in the writer group (or when there is none). Anything else is refused: 401, 403, or 503 while the key is
/// still an unresolved Key Vault reference.
/// </summary>
public sealed partial class QueryAccess
{
    /// <summary>Where App Service authentication starts an Entra ID sign-in; the dashboard links to it.</summary>
    public const string SignInPage = "/.auth/login/aad";

    /// <summary>How long a caller waits before asking again while the key is unresolved.</summary>
    private const string UnresolvedRetryAfterSeconds = "30";

    private readonly QueryKey? _key;
    private readonly SignInOptions _signIn;
    private readonly ILogger<QueryAccess> _logger;

    public QueryAccess(string? configuredKey, SignInOptions signIn, ILogger<QueryAccess> logger)
    {
        if (configuredKey is not { Length: > 0 })
        {
            throw new InvalidOperationException($"The query API needs its key: set {QueryKey.Setting}.");
        }

        _signIn = signIn;
        _logger = logger;
        if (KeyVaultReference.IsUnresolved(configuredKey))
        {
            // App Service could not resolve the reference when the app started (on a first provision, the Key Vault
            // Secrets User role can be seconds old); it refreshes references on a restart or within a day.
            LogUnresolvedKey(logger, QueryKey.Setting);
        }
        else
        {
            _key = new QueryKey(configuredKey);
        }
    }

    /// <summary>The answer that refuses the call, or null when the caller may make it.</summary>
    public HttpAnswer? Refusal(HttpRequest request)
    {
        var presented = QueryKey.Presented(request);
        if (_key is not null && _key.Matches(presented))
        {
            return null;
        }

        var principal = request.Headers[PlatformPrincipal.Header].ToString();
        if (principal.Length > 0)
        {
            return SignedIn(request, principal);
        }

        return _key is null ? KeyUnresolved() : KeyRequired();
    }

    private HttpAnswer? SignedIn(HttpRequest request, string header)
    {
        if (!_signIn.PlatformSignIn)
        {
            // Nothing in front of this app removes the header from what clients send: whoever wrote it is unknown.
            LogUntrustedPrincipal(_logger, PlatformPrincipal.Header, request.Path);
            return KeyRequired();
        }

        if (PlatformPrincipal.Read(header) is not { } principal)
        {
            return KeyRequired();
        }

        return IsChange(request) && _signIn.WriterGroup is { Length: > 0 } writers && !principal.IsMemberOf(writers)
            ? QueryAnswers.Answer(new QueryError("Changing things is for the writer group (OpenMetrics:Query:WriterGroup); you may read.", null), 403)
            : null;
    }

    /// <summary>Every call but GET, HEAD and OPTIONS changes something, except the POSTed queries under <c>/api/query</c>.</summary>
    private static bool IsChange(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && !request.Path.StartsWithSegments("/api/query", StringComparison.OrdinalIgnoreCase);

    private HttpAnswer KeyRequired()
    {
        var answer = _signIn.PlatformSignIn
            ? QueryAnswers.Answer(new SignInRequired("Sign in, or send the query key in the header x-openmetrics-key.", null, SignInPage), 401)
            : QueryAnswers.Answer(new QueryError("A valid query key is required: header x-openmetrics-key or Authorization: Bearer.", null), 401);
        return answer.WithHeader("WWW-Authenticate", "Bearer");
    }

    private static HttpAnswer KeyUnresolved() =>
        QueryAnswers.Answer(new QueryError("The query key is not available yet (its Key Vault reference has not resolved); try again shortly.", null), 503)
            .WithHeader("Retry-After", UnresolvedRetryAfterSeconds);

    /// <summary>The body of a 401 when sign-in is on: where to sign in.</summary>
    private sealed record SignInRequired(string Error, string? Field, string SignIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Setting} is an unresolved Key Vault reference: the query API refuses key calls with 503 until the app restarts with the secret (check the app's Key Vault Secrets User role, then restart it)")]
    private static partial void LogUnresolvedKey(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Path} carrying {Header}: sign-in is not configured on this host (OpenMetrics:Query:PlatformSignIn), so the header is not the platform's")]
    private static partial void LogUntrustedPrincipal(ILogger logger, string header, PathString path);
}
