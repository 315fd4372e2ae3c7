namespace OpenMetrics.Core.Query.Annotations;

/// <summary>Bounds on what annotations store: a chart shows a few markers, so these are far above any real use.</summary>
public static class AnnotationLimits
{
    public const int MaxTextLength = 500;

    /// <summary>Annotations a project keeps; an add beyond is a 409 until some are deleted. A list reads them all at most.</summary>
    public const int MaxPerProject = 10_000;
}
