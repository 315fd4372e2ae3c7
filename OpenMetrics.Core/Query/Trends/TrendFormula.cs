using System.Globalization;

namespace OpenMetrics.Core.Query.Trends;

/// <summary>
/// A formula across series (<c>A / B * 100</c>): letters name the series in the order sent, with numbers, + - * /,
/// unary minus and parentheses. Evaluated per bucket; a division by zero gives no value (null), not infinity.
/// </summary>
public sealed class TrendFormula
{
    public const int MaxLength = 200;

    private readonly Func<Func<char, double>, double?> _evaluate;

    private TrendFormula(string text, Func<Func<char, double>, double?> evaluate, IReadOnlySet<char> letters)
    {
        Text = text;
        _evaluate = evaluate;
        Letters = letters;
    }

    public string Text { get; }

    public IReadOnlySet<char> Letters { get; }

    public double? Evaluate(Func<char, double> valueOf) => _evaluate(valueOf) is { } value && double.IsFinite(value) ? value : null;

    /// <summary>Parses <paramref name="text"/>; <paramref name="seriesCount"/> bounds the letters it may use.</summary>
    public static TrendFormula Parse(string text, int seriesCount, string path)
    {
        if (text.Length > MaxLength)
        {
            throw new QueryException($"A formula is at most {MaxLength} characters.", path);
        }

        var parser = new Parser(text, seriesCount, path);
        var expression = parser.Expression();
        parser.End();
        return new TrendFormula(text, expression, parser.Letters);
    }

    private sealed class Parser(string text, int seriesCount, string path)
    {
        private int _at;

        public HashSet<char> Letters { get; } = [];

        public Func<Func<char, double>, double?> Expression()
        {
            var left = Term();
            while (Peek() is '+' or '-')
            {
                var op = Take();
                var right = Term();
                var l = left;
                left = op == '+' ? v => l(v) + right(v) : v => l(v) - right(v);
            }

            return left;
        }

        public void End()
        {
            if (Peek() is { } extra)
            {
                throw Error($"unexpected '{extra}'");
            }
        }

        private Func<Func<char, double>, double?> Term()
        {
            var left = Factor();
            while (Peek() is '*' or '/')
            {
                var op = Take();
                var right = Factor();
                var l = left;
                left = op == '*'
                    ? v => l(v) * right(v)
                    : v => right(v) is { } divisor && divisor != 0 ? l(v) / divisor : null;
            }

            return left;
        }

        private Func<Func<char, double>, double?> Factor()
        {
            switch (Peek())
            {
                case '-':
                    Take();
                    var negated = Factor();
                    return v => -negated(v);
                case '(':
                    Take();
                    var inner = Expression();
                    if (Peek() != ')')
                    {
                        throw Error("a ')' is missing");
                    }

                    Take();
                    return inner;
                case { } letter when char.IsAsciiLetterUpper(letter):
                    Take();
                    if (letter - 'A' >= seriesCount)
                    {
                        throw Error($"there is no series {letter} (the query has {seriesCount})");
                    }

                    Letters.Add(letter);
                    return v => v(letter);
                case { } digit when char.IsAsciiDigit(digit) || digit == '.':
                    var start = _at;
                    while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.'))
                    {
                        _at++;
                    }

                    if (!double.TryParse(text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        throw Error($"'{text[start.._at]}' is not a number");
                    }

                    return _ => number;
                case null:
                    throw Error("it ends where a value was expected");
                case { } other:
                    throw Error($"unexpected '{other}'");
            }
        }

        private char? Peek()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }

            return _at < text.Length ? text[_at] : null;
        }

        private char Take() => text[_at++];

        private QueryException Error(string what) => new($"The formula cannot be read: {what}. Use series letters, numbers, + - * / and parentheses.", path);
    }
}
