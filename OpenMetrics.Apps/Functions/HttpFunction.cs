using Microsoft.AspNetCore.Http;
using OpenMetrics.Apps.Http;
using OpenMetrics.Core.Functions;

namespace OpenMetrics.Apps.Functions;

/// <summary>An HTTP-triggered function: its name, the app it belongs to, its route, the methods it answers and its handler.</summary>
/// <param name="Name">The function name, as in <c>[Function(Name)]</c> and in functions.metadata.</param>
/// <param name="Route">The route without a leading slash, relative to the app's route prefix (empty for all apps).</param>
/// <param name="Handle">The handler the function's class calls; the local host calls it through this.</param>
public sealed record HttpFunction(string Name, FunctionApp App, string Route, IReadOnlyList<string> Methods, HttpHandler Handle);

/// <summary>Answers one call of an HTTP function, with the services of the host it runs in.</summary>
/// <param name="routeValue">The route's one parameter (<c>{id}</c>, or the dashboard's <c>{*path}</c>) as bound; null when it has none.</param>
public delegate Task<HttpAnswer> HttpHandler(IServiceProvider services, HttpRequest request, string? routeValue, CancellationToken cancellationToken);
