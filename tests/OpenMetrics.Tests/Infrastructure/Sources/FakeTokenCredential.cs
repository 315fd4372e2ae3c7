using System.Collections.Concurrent;
using Azure.Core;

namespace OpenMetrics.Tests.Infrastructure.Sources;

/// <summary>
/// A credential that hands out a fixed token and records the scopes asked for: a real one (managed identity, az
/// login) cannot run here, and the test checks that each API is asked with its own audience.
/// </summary>
public sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "fake-token-for-tests";

    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Enqueue(scope);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
