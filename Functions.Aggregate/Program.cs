using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenMetrics.Apps.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Requests, failures and queue processing reach Application Insights from the worker itself; host.json sets sampling.
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddOpenMetricsAggregation(builder.Configuration);
// The snapshot timers read the tables as the query app does.
builder.Services.AddOpenMetricsAnalysis(builder.Configuration);
builder.Build().Run();
