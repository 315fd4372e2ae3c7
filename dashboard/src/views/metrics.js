// Metrics: the saved custom metrics (/api/metrics), each as a KPI over its default view, with edit, delete and "Add
// to dashboard". Metrics are created from Insights, Funnels and Retention with "Save as metric", so that the query is
// always one the person has seen answered.
import { api } from "../api.js";
import { directions, formatValue, goalOf, goalText, units } from "../metrics/format.js";
import { kpi } from "../metrics/kpi.js";
import { href } from "../router.js";
import { addTile } from "../tiles.js";
import { el, errorBox, field, load, select } from "../ui.js";

const kindNames = { trend: "Trend", funnelConversion: "Funnel conversion", retention: "Retention", metric: "Imported metric" };

export async function renderMetrics(container, _params, signal) {
  const list = el("div", { id: "metric-list" });
  container.append(
    el("h1", {}, "Metrics"),
    el("p", { className: "muted" }, "A metric is a number you track over time: save one from ",
      el("a", { href: "/insights" }, "Insights"), ", ", el("a", { href: "/funnels" }, "Funnels"), " or ", el("a", { href: "/retention" }, "Retention"),
      " with \"Save as metric\"."),
    list);

  async function refresh() {
    await load(list, api.get("/api/metrics"), (answer) => {
      const metrics = answer?.metrics ?? [];
      return metrics.length
        ? el("ul", { className: "metric-list" }, metrics.map((metric) => card(metric, refresh, signal)))
        : el("p", { className: "muted" }, "No metric yet. Open an insight, a funnel or a retention and use \"Save as metric\".");
    }, signal);
  }

  await refresh();
}

function card(metric, refresh, signal) {
  const body = el("div", { className: "metric-body" });
  const message = el("div", { role: "status", "aria-live": "polite" });
  const item = el("li", { className: "metric-card", "aria-label": metric.title },
    el("div", { className: "tile-head" },
      el("h2", {}, metric.title),
      el("span", { className: "muted" }, `${kindNames[metric.definition?.kind] ?? "Metric"} · ${metric.view?.range ?? "30d"} by ${metric.view?.interval ?? "day"}`)),
    metric.description ? el("p", { className: "muted" }, metric.description) : null,
    body,
    el("div", { className: "toolbar" },
      el("button", { type: "button", className: "secondary", "aria-label": `Add "${metric.title}" to a dashboard`, onclick: async () => {
        const saved = await addTile({ kind: "metric", title: metric.title, metricId: metric.id });
        if (saved) {
          message.textContent = `Added to ${saved.name}.`;
        }
      } }, "Add to dashboard"),
      el("a", { href: href("/alerts", { metric: metric.id }), className: "button secondary" }, "Create alert"),
      el("button", { type: "button", className: "secondary", "aria-label": `Edit "${metric.title}"`, onclick: () => edit(metric, item, refresh) }, "Edit"),
      el("button", { type: "button", className: "secondary danger", "aria-label": `Delete "${metric.title}"`, onclick: async () => {
        if (window.confirm(`Delete the metric "${metric.title}"?`)) {
          await api.delete(`/api/metrics/${encodeURIComponent(metric.id)}`).then(refresh, (error) => message.replaceChildren(errorBox(error)));
        }
      } }, "Delete")),
    message);
  load(body, api.get(`/api/metrics/${encodeURIComponent(metric.id)}/value`), (answer) => kpi(answer, signal), signal);
  return item;
}

/** Edits what a person names and aims at; the definition stays as saved (save a new metric from the view to change it). */
function edit(metric, item, refresh) {
  const unit = metric.unit ?? "count";
  const inputs = {
    title: el("input", { type: "text", value: metric.title, required: true }),
    description: el("input", { type: "text", value: metric.description ?? "" }),
    unit: select(units.some(([value]) => value === unit) ? units : [[unit, unit], ...units], unit, () => {}),
    goal: el("input", { type: "number", step: "any", value: goalText(metric.goal, unit) }),
    direction: select(directions, metric.goal?.direction ?? "above", () => {}),
  };
  const message = el("div", { role: "alert" });
  item.replaceChildren(el("form", {
    className: "metric-edit",
    onsubmit: async (event) => {
      event.preventDefault();
      const { id, createdAt: _created, updatedAt: _updated, goal: _goal, ...rest } = metric;
      const next = { ...rest, title: inputs.title.value.trim(), description: inputs.description.value.trim() || undefined, unit: inputs.unit.value };
      next.goal = goalOf(inputs.goal.value, next.unit, inputs.direction.value);

      try {
        await api.put(`/api/metrics/${encodeURIComponent(id)}`, next);
        await refresh();
      } catch (error) {
        message.replaceChildren(errorBox(error));
      }
    },
  },
  el("h2", {}, `Edit "${metric.title}"`),
  field("Title", inputs.title),
  field("Description", inputs.description),
  field("Unit", inputs.unit),
  field("Goal (optional)", inputs.goal, `Now ${metric.goal ? formatValue(metric.goal.value, unit) : "none"}; for percent, 30 means 30 %.`),
  field("Goal direction", inputs.direction),
  message,
  el("div", { className: "toolbar" }, el("button", { type: "submit" }, "Save"), el("button", { type: "button", className: "secondary", onclick: refresh }, "Cancel"))));
  inputs.title.focus();
}
