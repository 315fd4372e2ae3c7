// The home page: getting started until the first event arrives; then the default dashboard (the first saved one),
// or, when none is saved yet, a short overview that links to every view.
import { api } from "../api.js";
import { catalog } from "../catalog.js";
import { el, formatNumber, load } from "../ui.js";
import { renderDashboard } from "./dashboards.js";
import { renderStart } from "./start.js";

export async function renderHome(container, _params, signal) {
  const slot = el("div");
  container.append(slot);
  const known = await load(slot, catalog(), () => [], signal);
  if (!known || signal.aborted) {
    return;
  }

  if (known.events.length === 0) {
    await renderStart(slot);
    return;
  }

  const saved = await api.get("/api/dashboards").catch(() => ({ dashboards: [] }));
  if (signal.aborted) {
    return;
  }

  if (saved.dashboards?.length) {
    await renderDashboard(slot, { id: saved.dashboards[0].id }, signal);
    return;
  }

  slot.append(
    el("h1", {}, "Your events"),
    el("p", {}, "Save any insight, funnel or retention to a dashboard and it becomes this page. Meanwhile, the events of the last 30 days:"),
    el("ul", { className: "event-summary" }, known.events.slice(0, 12).map((event) => el("li", {},
      el("a", { href: `/insights?q=${encodeURIComponent(JSON.stringify({ series: [{ event: event.event }] }))}` }, event.event),
      ` ${formatNumber(event.count)} events`))));
}
