using System.Text.Json;
using Microsoft.Playwright;
using OpenMetrics.Tests.Core.Alerts;
using OpenMetrics.Tests.Infrastructure;
using OpenMetrics.Tests.Infrastructure.Alerts;

namespace OpenMetrics.Tests.Dashboard;

/// <summary>
/// The Alerts page (issue 16): an alert a person creates from a metric's "Create alert" fires to the local webhook
/// receiver when the timer's work runs, and the page then shows it firing, with the crossing in its history.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertsViewTests(AlertsHostFixture host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_alert_created_on_the_page_fires_to_the_webhook_once()
    {
        var day = host.NextDay();
        var alert = new AlertSetup(host, "ui");
        // 09:00–10:00 holds 8 signups; the threshold is 5. At 10:05 that hour is the last complete one.
        await alert.PushAsync((day.AddHours(9).AddMinutes(10), 8));
        await alert.SaveMetricAsync();
        host.Clock.SetUtcNow(day.AddHours(10).AddMinutes(5));

        await using var context = await chromium.NewContextAsync(DashboardBrowser.Laptop);
        var page = await DashboardBrowser.OpenAsync(context, host, ViewState.With("/alerts", $$"""{"metric":"{{alert.Id}}"}"""));
        await page.GetByLabel("Alert name").FillAsync(alert.Id);
        await Assertions.Expect(page.GetByLabel("Metric")).ToHaveValueAsync(alert.Id);
        await page.GetByLabel("Threshold").FillAsync("5");
        await page.GetByLabel("Time zone").FillAsync("UTC");
        await page.GetByLabel("Webhook URL").FillAsync(alert.Webhook);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create alert" }).ClickAsync();
        await page.GetByText($"Alert \"{alert.Id}\" saved.").WaitForAsync();

        await host.EvaluateAlertsAsync();
        await host.EvaluateAlertsAsync();

        var delivery = Assert.Single(alert.Deliveries);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("firing", body.RootElement.GetProperty("state").GetString());
        Assert.Equal(8, body.RootElement.GetProperty("value").GetDouble());

        await page.ReloadAsync();
        var card = page.GetByRole(AriaRole.Listitem, new() { Name = $"Alert {alert.Id}" });
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Firing");
        await card.GetByRole(AriaRole.Button, new() { Name = $"History of {alert.Id}" }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Table)).ToContainTextAsync("firing");
    }
}
