namespace OpenMetrics.Apps.Hosting;

/// <summary>
/// An app setting App Service has not resolved yet. Until the app's identity may read the secret (a role assigned
/// seconds ago on a first provision), the app is handed the reference's own text, <c>@Microsoft.KeyVault(...)</c>. That
/// text is in the template for anyone to read, so a key with that value must never be accepted: the caller refuses
/// to serve (503, with a log line) until a restart brings the real secret.
/// </summary>
public static class KeyVaultReference
{
    public const string Prefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
