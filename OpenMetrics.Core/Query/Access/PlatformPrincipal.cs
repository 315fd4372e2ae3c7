using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenMetrics.Core.Query.Access;

/// <summary>
/// The person App Service authentication signed in, from the header it sets on every call it lets through: Base64 of
/// <c>{"auth_typ":…,"claims":[{"typ":…,"val":…}],…}</c>. The platform removes the header from what clients send, so
/// it is trusted only where <see cref="SignInOptions.PlatformSignIn"/> says the platform stands in front.
/// </summary>
public sealed class PlatformPrincipal
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    // Entra ID's group claim, as the token names it and as .NET's claim mapping renames it.
    private static readonly string[] GroupClaimTypes = ["groups", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"];

    private readonly IReadOnlyList<Claim> _claims;

    private PlatformPrincipal(IReadOnlyList<Claim> claims) => _claims = claims;

    /// <summary>The principal the header carries, or null when it is not Base64 of that JSON.</summary>
    public static PlatformPrincipal? Read(string header)
    {
        try
        {
            var json = Convert.FromBase64String(header.Trim());
            var body = JsonSerializer.Deserialize<Body>(json);
            return body?.Claims is { } claims ? new PlatformPrincipal(claims) : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the person is a member of the group (its object id). A token that names too many groups carries none of
    /// them (Entra ID's "overage"): then this says no, and the person reads but does not change things.
    /// </summary>
    public bool IsMemberOf(string groupId) =>
        _claims.Any(claim => GroupClaimTypes.Contains(claim.Type, StringComparer.OrdinalIgnoreCase)
            && string.Equals(claim.Value, groupId.Trim(), StringComparison.OrdinalIgnoreCase));

    private sealed record Body([property: JsonPropertyName("claims")] IReadOnlyList<Claim>? Claims);

    private sealed record Claim([property: JsonPropertyName("typ")] string Type, [property: JsonPropertyName("val")] string Value);
}
