namespace OpenMetrics.Core.Functions;

/// <summary>An HTTP-triggered function: its name, the app it belongs to, its route and the methods it answers.</summary>
/// <param name="Name">The function name, as in <c>[Function(Name)]</c> and in functions.metadata.</param>
/// <param name="Route">The route without a leading slash, relative to the app's route prefix (empty for all apps).</param>
public sealed record HttpFunction(string Name, FunctionApp App, string Route, IReadOnlyList<string> Methods);
