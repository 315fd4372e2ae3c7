namespace OpenMetrics.Core.Query.Access;

/// <summary>
/// Sign-in with people's own accounts, from configuration section <c>OpenMetrics:Query</c> (docs/deploy.md, "Signing
/// in"). The Bicep sets both when the deployment has an Entra ID app registration; the local host never trusts sign-in.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "OpenMetrics:Query";

    /// <summary>
    /// App Service authentication stands in front of this app, so the identity headers it sets
    /// (<see cref="PlatformPrincipal.Header"/>) are the platform's: clients cannot set them. Off, such a header is forged.
    /// </summary>
    public bool PlatformSignIn { get; set; }

    /// <summary>
    /// Object id of the Entra group whose members may change things (every call that is not a read); empty lets everyone
    /// signed in change things. The query key always may.
    /// </summary>
    public string? WriterGroup { get; set; }
}
