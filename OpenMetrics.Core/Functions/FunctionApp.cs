namespace OpenMetrics.Core.Functions;

/// <summary>The three Azure Functions apps of a deployment; the local host runs all three in one process.</summary>
public enum FunctionApp
{
    Ingest,
    Aggregate,
    Query,
}
