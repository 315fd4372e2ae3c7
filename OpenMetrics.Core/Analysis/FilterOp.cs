namespace OpenMetrics.Core.Analysis;

/// <summary>The comparison of a property filter (docs/query.md): <c>eq neq contains gt lt in set notset</c>.</summary>
public enum FilterOp
{
    Eq,
    Neq,
    Contains,
    Gt,
    Lt,
    In,
    Set,
    NotSet,
}
