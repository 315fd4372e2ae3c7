// Insights: trends of events over time. The whole state (series, measure, dates, …) lives in ?q=, so a reload or a
// shared link shows the same view; every change rewrites it and runs the query again. The request the page sends is
// shown as it is ("Copy as API query"), and the API's 400 errors show next to the control they name.
import { api } from "../api.js";
import { saveMetricButton, withoutDates } from "../metrics/saveMetric.js";
import { href, readState, writeState } from "../router.js";
import { addTile } from "../tiles.js";
import { copyButton, downloadCsv, el, errorBox } from "../ui.js";
import { renderControls } from "../insights/controls.js";
import { curlOf, fallbackState, normalize, previousOf, queryOf, sourceText } from "../insights/query.js";
import { linesOf, renderChart, renderNumbers, renderTable, rowsOf } from "../insights/results.js";

/** The control a 400's field belongs to: the exact one, else the nearest enclosing ("series[0].filters[1].op" → "series[0].filters[1]"). */
function controlFor(form, fieldName) {
  let name = fieldName === "to" ? "from" : fieldName;
  while (name) {
    const found = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (found) {
      return found;
    }

    const cut = Math.max(name.lastIndexOf("."), name.lastIndexOf("["));
    name = cut > 0 ? name.slice(0, cut) : "";
  }

  return null;
}

function titleOf(body) {
  const names = body.series.map((series) => series.metric ?? (series.event === "*" ? "any event" : series.event)).join(", ");
  return body.formula ? `${body.formula} (${names})` : names;
}

export async function renderInsights(container, _params, signal) {
  const state = normalize(readState(fallbackState));
  let run = 0;
  let chartController = null;

  const form = el("div", { className: "insight-form" });
  const status = el("p", { className: "muted insight-status", id: "insight-source", role: "status", "aria-live": "polite" });
  const result = el("div", { className: "insight-result", id: "insight-result" });
  const queryText = el("pre", { id: "api-query" });
  const curlText = el("pre", { id: "api-curl" });
  const actions = el("div", { className: "toolbar insight-actions" });
  const saved = el("p", { className: "muted", role: "status", "aria-live": "polite" });
  container.append(
    el("h1", {}, "Insights"),
    form,
    el("div", { className: "toolbar" }, status),
    result,
    actions,
    saved,
    el("details", { className: "api-query" }, el("summary", {}, "The API query"), queryText, curlText));

  function change(mutate, redraw = false) {
    if (signal.aborted) {
      return; // a late debounced input after the person left: the address is another view's now
    }

    mutate(state);
    writeState(state);
    if (redraw) {
      drawControls();
    }

    query();
  }

  function drawControls() {
    // Keep the keyboard where it was: the same labelled control, else the control at the same place.
    const active = document.activeElement && form.contains(document.activeElement) ? document.activeElement : null;
    const label = active?.getAttribute("aria-label");
    const place = active ? [...form.querySelectorAll("input, select, button")].indexOf(active) : -1;
    form.replaceChildren(renderControls(state, change));
    if (active) {
      const controls = [...form.querySelectorAll("input, select, button")];
      const again = (label && form.querySelector(`[aria-label="${CSS.escape(label)}"]`)) || controls[Math.min(place, controls.length - 1)];
      again?.focus();
    }
  }

  function clearFieldErrors() {
    for (const node of form.querySelectorAll(".field-error")) {
      node.remove();
    }

    for (const node of form.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      node.removeAttribute("aria-describedby");
    }
  }

  function showError(error) {
    const control = error?.field ? controlFor(form, error.field) : null;
    if (control) {
      const box = errorBox(error);
      box.classList.add("field-error");
      box.id = "insight-field-error";
      control.append(box);
      for (const input of control.querySelectorAll("input, select")) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", box.id);
      }

      result.replaceChildren(el("p", { className: "muted" }, "Fix the field marked above to see the trend."));
    } else {
      result.replaceChildren(errorBox(error));
    }
  }

  async function query() {
    const mine = ++run;
    clearFieldErrors();
    const body = queryOf(state);
    if (!body) {
      status.textContent = "";
      queryText.textContent = "";
      curlText.textContent = "";
      actions.replaceChildren();
      result.removeAttribute("aria-busy");
      result.replaceChildren(el("p", { className: "muted", id: "insight-empty" }, "Pick an event to see how often it happens. Type its name, or choose it from the suggestions."));
      return;
    }

    const text = JSON.stringify(body, null, 2);
    queryText.textContent = text;
    curlText.textContent = curlOf(body);
    result.setAttribute("aria-busy", "true");
    status.textContent = "Loading…";
    try {
      const [answer, previous] = await Promise.all([
        api.post("/api/query/trends", body),
        state.compare ? api.post("/api/query/trends", previousOf(body)) : Promise.resolve(null),
      ]);
      if (signal.aborted || mine !== run) {
        return;
      }

      draw(body, answer, previous);
      status.textContent = `${sourceText(answer.meta)}${previous ? `; compared with ${previousOf(body).from} to ${previousOf(body).to} (excluded)` : ""}`;
      status.dataset.source = answer.meta?.source ?? "";
    } catch (error) {
      if (signal.aborted || mine !== run) {
        return;
      }

      status.textContent = "";
      delete status.dataset.source;
      actions.replaceChildren();
      showError(error);
    } finally {
      if (mine === run) {
        result.removeAttribute("aria-busy");
      }
    }
  }

  function draw(body, answer, previous) {
    chartController?.abort();
    chartController = new AbortController();
    signal.addEventListener("abort", () => chartController.abort(), { once: true });
    const hasBreakdown = Boolean(body.breakdown);
    const lines = linesOf(answer, previous);
    const picture = state.view === "number"
      ? renderNumbers(lines, hasBreakdown)
      : renderChart(answer, lines, state.view === "bar" ? "bar" : "line", chartController.signal);
    result.replaceChildren(picture, renderTable(answer, lines, hasBreakdown));
    actions.replaceChildren(
      copyButton("Copy as API query", JSON.stringify(body, null, 2)),
      copyButton("Copy as curl", curlOf(body)),
      el("button", { type: "button", className: "secondary", id: "insight-csv", onclick: () => {
        const { columns, rows } = rowsOf(answer, lines, hasBreakdown);
        downloadCsv(`insight-${body.from}-${body.to}.csv`, columns, rows);
      } }, "Download CSV"),
      el("button", { type: "button", id: "save-to-dashboard", onclick: async () => {
        const done = await addTile({ kind: "insight", title: titleOf(body), query: body, state });
        if (done) {
          saved.replaceChildren("Saved to ", el("a", { href: `/dashboards/${encodeURIComponent(done.id)}` }, done.name), ".");
        }
      } }, "Save to dashboard"),
      saveMetricButton("trend", () => titleOf(body), () => body),
      el("a", { href: href("/alerts", { query: withoutDates(body) }), className: "button secondary" }, "Create alert"));
  }

  drawControls();
  await query();
}
