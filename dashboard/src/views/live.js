// Live: events per minute for the last hour, active users now, and the newest events, refreshed every 3 seconds
// (an event answered ok shows within 5 seconds on the local host).
import { api } from "../api.js";
import { chart } from "../charts.js";
import { el, errorBox, formatNumber, userLink } from "../ui.js";

const REFRESH_MS = 3000;

export async function renderLive(container, _params, signal) {
  const figures = el("div", { className: "figures" });
  const chartSlot = el("div", { className: "chart-slot" });
  const latest = el("div", { className: "latest" });
  const updated = el("p", { className: "muted", role: "status", "aria-live": "polite" }, "Loading…");
  container.append(el("h1", {}, "Live"), updated, figures, el("h2", {}, "Events per minute, last hour"), chartSlot, el("h2", {}, "Newest events"), latest);

  let chartSignal = null;
  async function refresh() {
    try {
      const live = await api.get("/api/live?limit=30");
      if (signal.aborted) {
        return;
      }

      const lastHour = live.perMinute.reduce((sum, point) => sum + point.v, 0);
      figures.replaceChildren(
        el("div", { className: "big-number" }, el("span", { id: "active-users", dataset: { value: String(live.activeUsers5m) } }, formatNumber(live.activeUsers5m)), el("small", {}, "active users, last 5 minutes")),
        el("div", { className: "big-number" }, el("span", { id: "events-hour", dataset: { value: String(lastHour) } }, formatNumber(lastHour)), el("small", {}, "events, last 60 minutes")));
      chartSignal?.abort?.();
      const controller = new AbortController();
      signal.addEventListener("abort", () => controller.abort(), { once: true });
      chartSignal = controller;
      chartSlot.replaceChildren(chart({
        type: "bar",
        labels: live.perMinute.map((point) => new Date(point.t).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })),
        datasets: [{ label: "events", data: live.perMinute.map((point) => point.v) }],
        signal: controller.signal,
        label: "Events per minute over the last hour",
      }));
      latest.replaceChildren(live.latest.length === 0
        ? el("p", { className: "muted" }, "No event in the last hour.")
        : el("ol", { className: "event-list", id: "latest-events" }, live.latest.map((event) => el("li", { dataset: { event: event.event } },
          el("time", { dateTime: event.ts }, new Date(event.ts).toLocaleTimeString()),
          el("strong", {}, event.event),
          userLink(event.userId),
          event.props && Object.keys(event.props).length ? el("code", {}, JSON.stringify(event.props)) : null))));
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every ${REFRESH_MS / 1000} seconds.`;
    } catch (error) {
      if (!signal.aborted) {
        updated.replaceChildren(errorBox(error));
      }
    }
  }

  await refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  signal.addEventListener("abort", () => clearInterval(timer));
}
