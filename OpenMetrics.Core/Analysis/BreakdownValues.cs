namespace OpenMetrics.Core.Analysis;

/// <summary>
/// The breakdown values of one query as small ids, so that an event carries an int instead of a string. Id 0 is
/// "not set" (the property is absent or null), which a breakdown shows as its own group, as trends do.
/// </summary>
public sealed class BreakdownValues
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string?> _values = [null];

    public int IdOf(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids.Add(value, id);
            _values.Add(value);
        }

        return id;
    }

    public string? ValueOf(int id) => _values[id];
}
