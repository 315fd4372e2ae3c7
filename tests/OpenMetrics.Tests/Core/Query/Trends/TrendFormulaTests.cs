using OpenMetrics.Core.Query;
using OpenMetrics.Core.Query.Trends;

namespace OpenMetrics.Tests.Core.Query.Trends;

public sealed class TrendFormulaTests
{
    private static double Of(char letter) => letter switch { 'A' => 8, 'B' => 2, 'C' => 0, _ => throw new ArgumentOutOfRangeException(nameof(letter)) };

    [Theory]
    [InlineData("A / B * 100", 400)]
    [InlineData("A + B * 3", 14)]
    [InlineData("(A + B) * 3", 30)]
    [InlineData("-A + 10", 2)]
    [InlineData("A - B - 1", 5)]
    [InlineData("A / B / 2", 2)]
    [InlineData("0.5 * A", 4)]
    public void Evaluates_with_the_usual_precedence(string text, double expected) =>
        Assert.Equal(expected, TrendFormula.Parse(text, 3, "formula").Evaluate(Of));

    [Fact]
    public void Dividing_by_zero_gives_no_value() => Assert.Null(TrendFormula.Parse("A / C", 3, "formula").Evaluate(Of));

    [Theory]
    [InlineData("A / D")]
    [InlineData("A +")]
    [InlineData("A B")]
    [InlineData("(A")]
    [InlineData("A % B")]
    [InlineData("")]
    [InlineData("1..2")]
    public void Unreadable_formulas_are_refused(string text) =>
        Assert.Throws<QueryException>(() => TrendFormula.Parse(text, 3, "formula"));
}
