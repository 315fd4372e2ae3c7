// Retention: cohorts by the period of their start event, and the share that came back in each later period, as a heat
// map with the weighted average and a curve. The request body is the view's state ({query} in ?q=), so a tile or a
// link can open any retention with href("/retention", {query}).
import { api } from "../api.js";
import { chart } from "../charts.js";
import { redraw } from "../formParts.js";
import { computedLine, copyQueryButton, queryBox } from "../queryBox.js";
import { browserZone } from "../range.js";
import { retentionBuilder } from "../retention/builder.js";
import { heatmap, legend } from "../retention/heatmap.js";
import { readState, writeState } from "../router.js";
import { saveMetricButton } from "../metrics/saveMetric.js";
import { saveTileButton } from "../tiles.js";
import { el, load } from "../ui.js";

const fallback = {
  query: { startEvent: null, returnEvent: null, period: "week", periods: 8, type: "first", range: "60d", tz: browserZone() },
};

export function renderRetention(container, _params, signal) {
  let state = readState(fallback);
  if (!state.query || typeof state.query !== "object") {
    state = structuredClone(fallback);
  }

  const form = el("div");
  const tools = el("div", { className: "toolbar" });
  const results = el("div", { className: "retention-results", "aria-live": "polite" });
  container.append(el("h1", {}, "Retention"), form, tools, results);

  let run = null;
  function draw() {
    const query = state.query;
    redraw(form, retentionBuilder(query, (next) => {
      state = { ...state, query: next };
      writeState(state);
      draw();
    }));
    const title = () => `Retention: ${query.startEvent ?? "any event"} → ${query.returnEvent ?? "any event"}`;
    tools.replaceChildren(copyQueryButton(query), saveTileButton("retention", title, query), saveMetricButton("retention", title, () => query),
      queryBox("retention-query", "/api/query/retention", query));
    run?.abort();
    run = new AbortController();
    const runSignal = run.signal;
    signal.addEventListener("abort", () => run.abort(), { once: true });
    load(results, api.post("/api/query/retention", query), (answer) => [
      computedLine(answer.meta),
      answer.cohorts.length === 0 ? el("p", { className: "muted" }, "No cohort in these dates.") : [
        legend(),
        heatmap(answer, query),
        el("h2", {}, "Average retention"),
        chart({
          type: "line",
          labels: (answer.average ?? []).map((_, k) => `${query.period ?? "week"} ${k}`),
          datasets: [{ label: "came back", data: answer.average ?? [] }],
          percent: true,
          signal: runSignal,
          label: "Average share of a cohort that came back, per period",
        }),
      ],
    ].flat(), runSignal);
  }

  draw();
}
