// Funnels: steps from the catalog, a conversion window, an order and dates; the answer as a chart and a table whose
// drop-off counts list their users. The whole request body is the view's state ({query} in ?q=), so a tile or a
// link can open any funnel with href("/funnels", {query}).
import { api } from "../api.js";
import { funnelBuilder, isRunnable } from "../funnels/builder.js";
import { showDropoff } from "../funnels/dropoff.js";
import { funnelChart, funnelTable } from "../funnels/results.js";
import { redraw } from "../formParts.js";
import { computedLine, copyQueryButton, queryBox } from "../queryBox.js";
import { browserZone } from "../range.js";
import { readState, writeState } from "../router.js";
import { saveMetricButton } from "../metrics/saveMetric.js";
import { saveTileButton } from "../tiles.js";
import { el, load } from "../ui.js";

const fallback = {
  query: { steps: [{ event: "" }, { event: "" }], window: "P14D", order: "sequential", range: "30d", tz: browserZone() },
};

export function renderFunnels(container, _params, signal) {
  let state = readState(fallback);
  if (!Array.isArray(state.query?.steps) && !state.query?.id) {
    state = structuredClone(fallback);
  }

  const form = el("div");
  const results = el("div", { className: "funnel-results", "aria-live": "polite" });
  const dropoff = el("section", { className: "panel dropoff", id: "dropoff", hidden: true });
  const tools = el("div", { className: "toolbar" });
  container.append(el("h1", {}, "Funnels"), form, tools, results, dropoff);

  let run = null;
  function draw() {
    const query = state.query;
    redraw(form, funnelBuilder(query, (next) => {
      state = { ...state, query: next };
      writeState(state);
      draw();
    }));
    const title = () => query.steps?.map((step) => step.event).join(" → ") || "Funnel";
    tools.replaceChildren(copyQueryButton(query), saveTileButton("funnel", title, query), saveMetricButton("funnelConversion", () => `Conversion ${title()}`, () => query),
      queryBox("funnel-query", "/api/query/funnel", query));
    dropoff.hidden = true;
    dropoff.replaceChildren();
    run?.abort();
    if (!isRunnable(query)) {
      results.replaceChildren(el("p", { className: "muted" }, "Choose an event for each step (at least two) to see the funnel."));
      return;
    }

    run = new AbortController();
    const runSignal = run.signal;
    signal.addEventListener("abort", () => run.abort(), { once: true });
    const open = (step, breakdownValue) => showDropoff(dropoff, query, step, breakdownValue, runSignal);
    load(results, api.post("/api/query/funnel", query), (answer) => [
      computedLine(answer.meta),
      funnelChart(answer.steps, runSignal),
      funnelTable(answer.steps, (step) => open(step), { id: "funnel-table" }),
      (answer.breakdowns ?? []).map((group) => funnelTable(group.steps, (step) => open(step, group.breakdownValue),
        { caption: `${query.breakdown?.prop ?? "breakdown"}: ${group.breakdownValue}` })),
    ].flat(), runSignal);
  }

  draw();
}
