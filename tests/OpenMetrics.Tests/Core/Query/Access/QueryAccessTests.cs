using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using OpenMetrics.Apps.Query.Access;
using OpenMetrics.Core.Query.Access;

namespace OpenMetrics.Tests.Core.Query.Access;

/// <summary>docs/query.md, "Access", and docs/reliability.md, "Deploying and signing in": who may call /api/*.</summary>
public sealed class QueryAccessTests
{
    private const string Key = "a-query-key-of-forty-characters-or-so-00";
    private const string Writers = "5b1e0c9e-6f0a-4c1e-9a53-2f7f1d3c8a11";

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/openmetrics-query-key/)")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-abc;SecretName=openmetrics-query-key)")]
    [InlineData(" @microsoft.keyvault(SecretUri=https://kv-abc.vault.azure.net/secrets/openmetrics-query-key/)")]
    public void An_unresolved_Key_Vault_reference_is_never_accepted_as_the_key(string reference)
    {
        // App Service hands the app the reference's own text while it cannot resolve it (a Secrets User role seconds
        // old): anyone who reads the Bicep could send it.
        var access = Access(reference);

        var withTheText = access.Refusal(Request("GET", "/api/segments", key: reference));
        var withNothing = access.Refusal(Request("GET", "/api/segments"));

        Assert.Equal((503, 503), (withTheText?.Status, withNothing?.Status));
        Assert.Equal("30", withTheText!.Headers["Retry-After"]);
    }

    [Fact]
    public void The_key_opens_every_route()
    {
        var access = Access(Key, new SignInOptions { PlatformSignIn = true, WriterGroup = Writers });

        Assert.Null(access.Refusal(Request("GET", "/api/segments", key: Key)));
        Assert.Null(access.Refusal(Request("DELETE", "/api/segments/s1", key: Key)));
        Assert.Equal(401, access.Refusal(Request("GET", "/api/segments", key: Key + "x"))?.Status);
    }

    [Fact]
    public void The_platform_identity_header_is_refused_when_sign_in_is_not_configured()
    {
        // The local host, or an app without App Service authentication: nothing strips a header a client sends.
        var access = Access(Key, new SignInOptions { PlatformSignIn = false });

        var answer = access.Refusal(Request("GET", "/api/segments", principal: Principal(Writers)));

        Assert.Equal(401, answer?.Status);
    }

    [Theory]
    [InlineData("GET", "/api/segments")]
    [InlineData("GET", "/api/users/u1")]
    [InlineData("POST", "/api/query/trends")]
    [InlineData("POST", "/api/query/funnel")]
    [InlineData("POST", "/api/query/retention")]
    public void Everyone_signed_in_may_read(string method, string path)
    {
        var access = Access(Key, new SignInOptions { PlatformSignIn = true, WriterGroup = Writers });

        Assert.Null(access.Refusal(Request(method, path, principal: Principal("another-group"))));
    }

    [Theory]
    [InlineData("POST", "/api/segments")]
    [InlineData("PUT", "/api/funnels/f1")]
    [InlineData("DELETE", "/api/dashboards/d1")]
    [InlineData("DELETE", "/api/users/u1")]
    public void Only_the_writer_group_may_change_things(string method, string path)
    {
        var access = Access(Key, new SignInOptions { PlatformSignIn = true, WriterGroup = Writers });

        var outsider = access.Refusal(Request(method, path, principal: Principal("another-group")));
        var writer = access.Refusal(Request(method, path, principal: Principal("another-group", Writers.ToUpperInvariant())));

        Assert.Equal(403, outsider?.Status);
        Assert.Null(writer);
    }

    [Fact]
    public void Without_a_writer_group_everyone_signed_in_may_change_things()
    {
        var access = Access(Key, new SignInOptions { PlatformSignIn = true });

        Assert.Null(access.Refusal(Request("PUT", "/api/segments/s1", principal: Principal())));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("eyJub3QiOiJhIHByaW5jaXBhbCJ9")]
    [InlineData("bm90IGpzb24=")]
    public void A_header_that_is_not_a_principal_is_refused(string header)
    {
        var access = Access(Key, new SignInOptions { PlatformSignIn = true });

        Assert.Equal(401, access.Refusal(Request("GET", "/api/segments", principal: header))?.Status);
    }

    [Fact]
    public void Without_credentials_the_answer_names_the_sign_in_page_when_sign_in_is_on()
    {
        var on = Access(Key, new SignInOptions { PlatformSignIn = true }).Refusal(Request("GET", "/api/settings"));
        var off = Access(Key, new SignInOptions()).Refusal(Request("GET", "/api/settings"));

        Assert.Equal((401, 401), (on?.Status, off?.Status));
        Assert.Equal("/.auth/login/aad", JsonDocument.Parse(on!.Body).RootElement.GetProperty("signIn").GetString());
        Assert.False(JsonDocument.Parse(off!.Body).RootElement.TryGetProperty("signIn", out _));
    }

    [Fact]
    public void A_signed_in_person_is_let_in_while_the_key_is_still_unresolved()
    {
        var access = Access("@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/openmetrics-query-key/)", new SignInOptions { PlatformSignIn = true });

        Assert.Null(access.Refusal(Request("GET", "/api/segments", principal: Principal())));
    }

    private static QueryAccess Access(string key, SignInOptions? signIn = null) =>
        new(key, signIn ?? new SignInOptions(), NullLogger<QueryAccess>.Instance);

    private static HttpRequest Request(string method, string path, string? key = null, string? principal = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (key is not null)
        {
            context.Request.Headers[QueryKey.Header] = key;
        }

        if (principal is not null)
        {
            context.Request.Headers[PlatformPrincipal.Header] = principal;
        }

        return context.Request;
    }

    /// <summary>The header as App Service authentication writes it for an Entra ID sign-in: Base64 of the claims' JSON.</summary>
    private static string Principal(params string[] groups)
    {
        var claims = new List<object> { new { typ = "name", val = "Ada Lovelace" }, new { typ = "preferred_username", val = "ada@example.com" } };
        claims.AddRange(groups.Select(group => new { typ = "groups", val = group }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims, name_typ = "name", role_typ = "roles" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
