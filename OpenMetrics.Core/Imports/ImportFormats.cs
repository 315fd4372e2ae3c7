namespace OpenMetrics.Core.Imports;

/// <summary>The names of the import formats as the <c>format</c> query parameter and the CLI's <c>--format</c> spell them.</summary>
public static class ImportFormats
{
    /// <summary>Every format with its name, in the order the docs list them.</summary>
    public static readonly IReadOnlyList<(ImportFormat Format, string Name)> All =
    [
        (ImportFormat.OpenMetrics, "openmetrics"),
        (ImportFormat.Mixpanel, "mixpanel"),
        (ImportFormat.Amplitude, "amplitude"),
        (ImportFormat.PostHog, "posthog"),
    ];

    /// <summary>Reads a format name, case-insensitive; false for null, empty or an unknown name.</summary>
    public static bool TryParse(string? text, out ImportFormat format)
    {
        foreach (var (candidate, name) in All)
        {
            if (string.Equals(text?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The name of a format, lower case, as <see cref="TryParse"/> reads it.</summary>
    public static string Name(ImportFormat format) => format switch
    {
        ImportFormat.OpenMetrics => "openmetrics",
        ImportFormat.Mixpanel => "mixpanel",
        ImportFormat.Amplitude => "amplitude",
        ImportFormat.PostHog => "posthog",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an import format"),
    };

    /// <summary>The names joined for an error message: "openmetrics, mixpanel, amplitude or posthog".</summary>
    public static string Choices => string.Join(", ", All.Take(All.Count - 1).Select(f => f.Name)) + " or " + All[^1].Name;
}
