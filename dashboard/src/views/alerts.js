// Alerts: a threshold on a metric (or on an insight's query) checked every hour or day, notifying webhooks once when
// it starts to hold and once when it stops (docs/metrics-alerts.md, "Alerts"). The page creates one (prefilled from
// a metric's "Create alert" or an insight's), and lists every alert with its state and its history of crossings.
import { api } from "../api.js";
import { browserZone } from "../range.js";
import { readState } from "../router.js";
import { el, errorBox, field, formatNumber, load, select, table } from "../ui.js";

const ops = [["above", "is above"], ["below", "is below"], ["changeUpPct", "rises by more than (%)"], ["changeDownPct", "falls by more than (%)"]];
const stateNames = { ok: "OK", firing: "Firing", error: "Error" };

export async function renderAlerts(container, _params, signal) {
  const state = readState({ metric: "", query: null });
  const list = el("div", { id: "alert-list" });
  container.append(el("h1", {}, "Alerts"), await newAlertForm(state, () => refresh(), signal), el("h2", {}, "Your alerts"), list);

  async function refresh() {
    await load(list, api.get("/api/alerts"), (answer) => {
      const alerts = answer?.alerts ?? [];
      return alerts.length
        ? el("ul", { className: "metric-list" }, alerts.map((alert) => card(alert, refresh, signal)))
        : el("p", { className: "muted" }, "No alert yet: create one above, or from a metric's \"Create alert\".");
    }, signal);
  }

  await refresh();
}

async function newAlertForm(state, created, signal) {
  const metrics = state.query ? [] : (await api.get("/api/metrics").catch(() => null))?.metrics ?? [];
  const inputs = {
    id: el("input", { type: "text", required: true, pattern: "[A-Za-z0-9_-]{1,64}", autocomplete: "off" }),
    metric: select([["", "Choose a metric"], ...metrics.map((metric) => [metric.id, metric.title])], state.metric, () => {}),
    op: select(ops, "above", () => {}),
    value: el("input", { type: "number", step: "any", required: true }),
    interval: select([["hour", "Every hour"], ["day", "Every day"]], "hour", () => {}),
    tz: el("input", { type: "text", value: browserZone(), required: true }),
    webhook: el("input", { type: "url", required: true, placeholder: "https://hooks.slack.com/services/…" }),
    format: select([["json", "JSON (signed)"], ["slack", "Slack"], ["teams", "Microsoft Teams"]], "json", () => {}),
    cooldown: el("input", { type: "number", min: 0, value: 60 }),
  };
  const message = el("div", { role: "alert" });
  const form = el("form", {
    className: "panel alert-form",
    onsubmit: async (event) => {
      event.preventDefault();
      message.replaceChildren();
      const alert = {
        ...(state.query ? { query: state.query } : { metric: inputs.metric.value }),
        condition: { op: inputs.op.value, value: Number(inputs.value.value) },
        interval: inputs.interval.value,
        tz: inputs.tz.value.trim(),
        destinations: [{ webhook: inputs.webhook.value.trim(), format: inputs.format.value }],
        cooldownMinutes: Number(inputs.cooldown.value || 0),
      };
      try {
        await api.put(`/api/alerts/${encodeURIComponent(inputs.id.value.trim())}`, alert);
        message.replaceChildren(el("p", { role: "status" }, `Alert "${inputs.id.value.trim()}" saved.`));
        await created();
      } catch (error) {
        message.replaceChildren(errorBox(error));
      }
    },
  },
  el("h2", {}, "New alert"),
  field("Alert name", inputs.id, "Letters, digits, - or _; it names the alert in every notification."),
  state.query ? el("p", { className: "muted" }, "Watching the insight you came from: ", el("code", {}, JSON.stringify(state.query.series ?? state.query)))
    : field("Metric", inputs.metric),
  field("When the value", inputs.op),
  field("Threshold", inputs.value),
  field("Check", inputs.interval, "Only complete hours or days are checked."),
  field("Time zone", inputs.tz),
  field("Webhook URL", inputs.webhook),
  field("Format", inputs.format),
  field("Cooldown (minutes)", inputs.cooldown, "After it resolves, do not fire again for this long."),
  message,
  el("div", { className: "toolbar" }, el("button", { type: "submit" }, "Create alert")));
  signal.addEventListener("abort", () => form.remove(), { once: true });
  return form;
}

function card(alert, refresh, signal) {
  const history = el("div", { className: "alert-history" });
  const what = alert.metric ? `metric ${alert.metric}` : "an insight's query";
  const op = ops.find(([value]) => value === alert.condition?.op)?.[1] ?? alert.condition?.op;
  return el("li", { className: "metric-card", "aria-label": `Alert ${alert.id}` },
    el("div", { className: "tile-head" },
      el("h3", {}, alert.id),
      el("span", { className: `alert-state ${alert.state}`, role: "status" }, stateNames[alert.state] ?? alert.state)),
    el("p", {}, `When ${what} ${op} ${formatNumber(alert.condition?.value)}, checked every ${alert.interval} (${alert.tz}).`),
    el("p", { className: "muted" }, alert.lastValue === null || alert.lastValue === undefined
      ? "Not checked yet."
      : `Last value ${formatNumber(alert.lastValue)} for ${alert.lastEvaluatedInterval?.from ?? ""}.`),
    alert.lastError ? el("p", { className: "bad" }, alert.lastError) : null,
    el("div", { className: "toolbar" },
      el("button", { type: "button", className: "secondary", "aria-label": `History of ${alert.id}`, onclick: () => showHistory(alert, history, signal) }, "History"),
      el("button", { type: "button", className: "secondary danger", "aria-label": `Delete alert ${alert.id}`, onclick: async () => {
        if (window.confirm(`Delete the alert "${alert.id}"?`)) {
          await api.delete(`/api/alerts/${encodeURIComponent(alert.id)}`).then(refresh, (error) => history.replaceChildren(errorBox(error)));
        }
      } }, "Delete")),
    history);
}

function showHistory(alert, slot, signal) {
  return load(slot, api.get(`/api/alerts/${encodeURIComponent(alert.id)}/history`), (answer) => {
    const rows = (answer?.history ?? []).map((crossing) => [
      crossing.from, crossing.state, crossing.value ?? null, crossing.delivery]);
    return rows.length
      ? table(["Interval", "State", "Value", "Delivery"], rows, `History of ${alert.id}`)
      : el("p", { className: "muted" }, "It has not fired yet.");
  }, signal);
}
