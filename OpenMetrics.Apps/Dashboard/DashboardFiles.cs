using Microsoft.AspNetCore.StaticFiles;
using OpenMetrics.Apps.Http;

namespace OpenMetrics.Apps.Dashboard;

/// <summary>
/// The dashboard's static files from one folder. A path that names no file gets index.html, so that the single-page
/// app's own routes survive a reload; a path that tries to leave the folder is not found. Every answer carries a
/// strict Content-Security-Policy: the page loads only its own scripts and styles and talks only to its own origin.
/// </summary>
public sealed class DashboardFiles(string root)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly string _root = Path.GetFullPath(root);

    public HttpAnswer Serve(string? path)
    {
        var file = Resolve(path);
        if (file is null)
        {
            return HttpAnswer.Text(404, "not found");
        }

        var contentType = ContentTypes.TryGetContentType(file, out var known) ? known : "application/octet-stream";
        return HttpAnswer.Bytes(200, contentType, File.ReadAllBytes(file))
            .WithHeader("Content-Security-Policy", ContentSecurityPolicy)
            .WithHeader("X-Content-Type-Options", "nosniff")
            .WithHeader("Cache-Control", file.EndsWith("index.html", StringComparison.Ordinal) ? "no-cache" : "public, max-age=300");
    }

    private string? Resolve(string? path)
    {
        var index = Path.Combine(_root, "index.html");
        if (string.IsNullOrEmpty(path))
        {
            return File.Exists(index) ? index : null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        if (File.Exists(full))
        {
            return full;
        }

        // A missing asset is a 404; a missing page is one of the app's own routes.
        return Path.HasExtension(full) || !File.Exists(index) ? null : index;
    }
}
