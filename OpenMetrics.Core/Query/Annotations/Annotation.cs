namespace OpenMetrics.Core.Query.Annotations;

/// <summary>A marker on every time chart: a release, an incident, a campaign (docs/metrics-alerts.md, "Annotations").</summary>
/// <param name="Id">Given by the store when the annotation is added; what <c>DELETE /api/annotations/{id}</c> names.</param>
/// <param name="T">The instant it marks.</param>
/// <param name="Text">What it says, 1 to <see cref="AnnotationLimits.MaxTextLength"/> characters.</param>
/// <param name="Scope"><see cref="AnnotationScope.Project"/>, or <c>dashboard:{id}</c> for one dashboard's charts only.</param>
public sealed record Annotation(string Id, DateTimeOffset T, string Text, string Scope, DateTimeOffset CreatedAt);
