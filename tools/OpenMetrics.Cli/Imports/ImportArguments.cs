using System.Globalization;
using OpenMetrics.Core.Imports;

namespace OpenMetrics.Cli.Imports;

/// <summary>Reads the command line of <c>import</c>; the key may come from OPENMETRICS_QUERY_KEY instead of --key.</summary>
internal static class ImportArguments
{
    public const string Usage =
        "usage: openmetrics import FILE --format openmetrics|mixpanel|amplitude|posthog --url URL --key KEY [--part-mb 32] [--poll-seconds 2]\n" +
        "  FILE: NDJSON, a JSON array or CSV with a header row; .gz files are read gunzipped\n" +
        "  --key: the query key (or the environment variable OPENMETRICS_QUERY_KEY)";

    public static (ImportOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string? keyFromEnvironment)
    {
        if (args.Count == 0 || args[0] != "import")
        {
            return (null, args.Count == 0 ? "no command given" : $"unknown command \"{args[0]}\"");
        }

        string? file = null, format = null, url = null, key = keyFromEnvironment, partMb = null, pollSeconds = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (file is not null)
                {
                    return (null, $"one file at a time: \"{file}\" and \"{args[i]}\"");
                }

                file = args[i];
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{args[i]} needs a value");
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--format": format = value; break;
                case "--url": url = value; break;
                case "--key": key = value; break;
                case "--part-mb": partMb = value; break;
                case "--poll-seconds": pollSeconds = value; break;
                default: return (null, $"unknown option {args[i - 1]}");
            }
        }

        return Validate(file, format, url, key, partMb, pollSeconds);
    }

    private static (ImportOptions?, string?) Validate(string? file, string? format, string? url, string? key, string? partMb, string? pollSeconds)
    {
        if (file is null)
        {
            return (null, "no FILE given");
        }

        if (!File.Exists(file))
        {
            return (null, $"there is no file \"{file}\"");
        }

        if (!ImportFormats.TryParse(format, out var parsedFormat))
        {
            return (null, format is null ? "--format is missing" : $"--format must be {ImportFormats.Choices}, not \"{format}\"");
        }

        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var parsedUrl) || parsedUrl.Scheme is not ("http" or "https"))
        {
            return (null, url is null ? "--url is missing" : $"--url must be an http or https address, not \"{url}\"");
        }

        if (string.IsNullOrEmpty(key))
        {
            return (null, "--key is missing (or set OPENMETRICS_QUERY_KEY)");
        }

        var mb = ImportOptions.DefaultPartMb;
        if (partMb is not null && (!int.TryParse(partMb, CultureInfo.InvariantCulture, out mb) || mb is < 1 or > 95))
        {
            return (null, "--part-mb must be a whole number from 1 to 95 (a request body may not exceed 100 MB)");
        }

        var seconds = 2.0;
        if (pollSeconds is not null && (!double.TryParse(pollSeconds, CultureInfo.InvariantCulture, out seconds) || seconds is < 0.1 or > 600))
        {
            return (null, "--poll-seconds must be a number from 0.1 to 600");
        }

        return (new ImportOptions(file, parsedFormat, parsedUrl, key, mb * 1024L * 1024, TimeSpan.FromSeconds(seconds)), null);
    }
}
