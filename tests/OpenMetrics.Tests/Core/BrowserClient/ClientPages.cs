namespace OpenMetrics.Tests.Core.BrowserClient;

/// <summary>
/// The two ways a customer's page uses the browser client, as HTML for <see cref="Infrastructure.StaticSite"/>: the
/// queue snippet (commands pushed before the script has loaded) and the constructor. <c>host</c> is the ingest address.
/// </summary>
internal static class ClientPages
{
    public static string Snippet(Uri host, string commands) => Page("snippet", $$"""
        <script>
          window._om = []; window.openMetricUrl = '{{host}}';
          {{commands}}
        </script>
        <script async src="{{host}}apis/javascript/client.js"></script>
        """);

    /// <param name="script">Runs after the script loaded; <c>om</c> is a client made with <c>new OpenMetrics(host{{options}})</c>.</param>
    public static string Constructor(Uri host, string script, string options = "") => Page("constructor", $$"""
        <script src="{{host}}apis/javascript/client.js"></script>
        <script>
          window.om = new OpenMetrics('{{host}}'{{(options.Length > 0 ? ", " + options : "")}});
          {{script}}
        </script>
        """);

    private static string Page(string title, string head) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{title}}</title>
        {{head}}
        </head>
        <body><h1>A customer's page ({{title}} form)</h1><p>It logs to OpenMetrics from another origin.</p></body>
        </html>
        """;
}
