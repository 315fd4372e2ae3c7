using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenMetrics.Core.Dashboard;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(new DashboardFiles(Path.Combine(AppContext.BaseDirectory, "wwwroot")));
builder.Build().Run();
