// Dashboards: saved pages of tiles (/api/dashboards). The list creates, renames and deletes them; a dashboard's page
// (/dashboards/{id}, shareable) runs each tile's query and links to the full view. Tiles move with up/down buttons
// (the new order is saved at once) and can be removed.
import { api } from "../api.js";
import { chart } from "../charts.js";
import { normalize, queryOf, stateOf } from "../insights/query.js";
import { bucketLabel } from "../insights/results.js";
import { kpi } from "../metrics/kpi.js";
import { href } from "../router.js";
import { saveDashboard } from "../tiles.js";
import { el, errorBox, field, formatNumber, load, table } from "../ui.js";

export async function renderDashboards(container, _params, signal) {
  const list = el("div", { id: "dashboard-list" });
  const name = el("input", { type: "text", autocomplete: "off", required: true, id: "new-dashboard-name" });
  const message = el("div", { role: "alert" });
  const form = el("form", {
    className: "toolbar create-dashboard",
    onsubmit: async (event) => {
      event.preventDefault();
      message.replaceChildren();
      try {
        await api.post("/api/dashboards", { name: name.value.trim(), tiles: [] });
        name.value = "";
        await refresh();
      } catch (error) {
        message.replaceChildren(errorBox(error));
      }
    },
  }, field("New dashboard", name), el("button", { type: "submit" }, "Create"));
  container.append(el("h1", {}, "Dashboards"), el("p", { className: "muted" }, "Save an insight, funnel, retention or metric to a dashboard with its \"Save to dashboard\" or \"Add to dashboard\" button. The first dashboard is the home page."), form, message, list);

  function row(dashboard) {
    const item = el("li", { dataset: { id: dashboard.id } });
    const show = () => item.replaceChildren(
      el("a", { href: `/dashboards/${encodeURIComponent(dashboard.id)}` }, dashboard.name),
      el("span", { className: "muted" }, `${(dashboard.tiles ?? []).length} tiles`),
      el("span", { className: "row-actions" },
        el("button", { type: "button", className: "secondary", "aria-label": `Rename ${dashboard.name}`, onclick: rename }, "Rename"),
        el("button", { type: "button", className: "secondary danger", "aria-label": `Delete ${dashboard.name}`, onclick: remove }, "Delete")));
    function rename() {
      const input = el("input", { type: "text", value: dashboard.name, required: true, "aria-label": "Dashboard name" });
      item.replaceChildren(el("form", {
        className: "toolbar",
        onsubmit: async (event) => {
          event.preventDefault();
          try {
            Object.assign(dashboard, await saveDashboard({ ...dashboard, name: input.value.trim() }));
            show();
          } catch (error) {
            item.append(errorBox(error));
          }
        },
      }, input, el("button", { type: "submit" }, "Save"), el("button", { type: "button", className: "secondary", onclick: show }, "Cancel")));
      input.focus();
    }

    async function remove() {
      if (!window.confirm(`Delete the dashboard "${dashboard.name}"? Its tiles go with it.`)) {
        return;
      }

      try {
        await api.delete(`/api/dashboards/${encodeURIComponent(dashboard.id)}`);
        await refresh();
      } catch (error) {
        item.append(errorBox(error));
      }
    }

    show();
    return item;
  }

  function refresh() {
    return load(list, api.get("/api/dashboards"), (answer) => {
      const dashboards = answer?.dashboards ?? [];
      return dashboards.length
        ? el("ul", { className: "dashboard-list" }, dashboards.map(row))
        : el("p", { className: "muted" }, "No dashboard yet: name one above.");
    }, signal);
  }

  await refresh();
}

function linkOf(tile) {
  switch (tile.kind) {
    case "insight": return href("/insights", tile.state ?? stateOf(tile.query));
    case "funnel": return href("/funnels", { query: tile.query });
    case "retention": return href("/retention", { query: tile.query });
    case "metric": return "/metrics";
    default: return null;
  }
}

function insightBody(result, signal, annotationScope) {
  const first = result.series[0];
  const labels = (first?.points ?? []).map((point) => bucketLabel(point.t, result.meta?.interval));
  return [
    el("ul", { className: "tile-totals" }, result.series.map((line) => el("li", {},
      el("span", { className: "tile-total", dataset: typeof line.total === "number" ? { value: String(line.total) } : {} }, formatNumber(line.total)),
      el("small", {}, line.label)))),
    result.meta?.interval === "total" ? null : chart({
      type: "line",
      labels,
      datasets: result.series.slice(0, 8).map((line) => ({ label: line.label, data: line.points.map((point) => point.v) })),
      signal,
      label: `Trend of ${result.series.map((line) => line.label).join(", ")}`,
      times: (first?.points ?? []).map((point) => point.t),
      annotationScope,
    }),
  ];
}

function funnelBody(result) {
  return table(["Step", "Users", "% of first", "% of previous"],
    result.steps.map((step, index) => [`${index + 1}. ${step.event}`, step.users, step.pctOfFirst, step.pctOfPrevious]));
}

function retentionBody(result) {
  const average = result.average ?? [];
  return table(["", ...average.map((_, index) => `Period ${index}`)], [["Average %", ...average]]);
}

/** An insight saved with a relative range ("last 7 days") runs over today's range; anything else runs as saved. */
function requestOf(tile) {
  if (tile.kind === "insight" && tile.state && tile.state.range?.preset && tile.state.range.preset !== "custom") {
    return queryOf(normalize(tile.state)) ?? tile.query;
  }

  return tile.query;
}

const queries = {
  insight: ["/api/query/trends", insightBody],
  funnel: ["/api/query/funnel", funnelBody],
  retention: ["/api/query/retention", retentionBody],
  metric: [null, kpi],
};

/** A metric tile reads its metric's value over the metric's default view; the other kinds run their saved query. */
function answerOf(tile, known) {
  return tile.kind === "metric" ? api.get(`/api/metrics/${encodeURIComponent(tile.metricId ?? "")}/value`) : api.post(known[0], requestOf(tile));
}

export async function renderDashboard(container, params, signal) {
  const slot = el("div");
  container.append(slot);
  const dashboard = await load(slot, api.get(`/api/dashboards/${encodeURIComponent(params.id)}`), () => [], signal);
  if (!dashboard || signal.aborted) {
    return;
  }

  dashboard.tiles ??= [];
  const status = el("p", { className: "muted", role: "status", "aria-live": "polite" });
  const grid = el("ol", { className: "tiles", id: "tiles" });
  slot.replaceChildren(
    el("div", { className: "toolbar dashboard-head" }, el("h1", {}, dashboard.name), el("a", { href: "/dashboards" }, "All dashboards")),
    status,
    grid);

  function tileNode(tile) {
    const body = el("div", { className: "tile-body" });
    const link = linkOf(tile);
    const node = el("li", { className: "tile", dataset: { kind: tile.kind ?? "" } },
      el("div", { className: "tile-head" },
        el("h2", {}, link ? el("a", { href: link, className: "tile-link" }, tile.title || "Untitled") : tile.title || "Untitled"),
        el("span", { className: "tile-actions" },
          el("button", { type: "button", className: "secondary move-up", "aria-label": `Move "${tile.title}" up`, onclick: () => move(tile, -1) }, "↑"),
          el("button", { type: "button", className: "secondary move-down", "aria-label": `Move "${tile.title}" down`, onclick: () => move(tile, 1) }, "↓"),
          el("button", { type: "button", className: "secondary", "aria-label": `Remove "${tile.title}"`, onclick: () => remove(tile) }, "Remove"))),
      body);
    node.tile = tile;
    const known = queries[tile.kind];
    if (!known) {
      body.append(el("p", { className: "muted" }, `A tile of kind "${tile.kind}" this page does not draw.`));
    } else {
      load(body, answerOf(tile, known), (result) => known[1](result, signal, `dashboard:${dashboard.id}`), signal);
    }

    return node;
  }

  function arrange() {
    const nodes = [...grid.children];
    nodes.forEach((node, index) => {
      node.querySelector(".move-up").disabled = index === 0;
      node.querySelector(".move-down").disabled = index === nodes.length - 1;
    });
    if (nodes.length === 0) {
      status.textContent = "No tile yet: open an insight, a funnel or a retention and use \"Save to dashboard\".";
    }
  }

  async function persist(tiles) {
    try {
      const saved = await saveDashboard({ ...dashboard, tiles });
      dashboard.tiles = saved?.tiles ?? tiles;
      return true;
    } catch (error) {
      status.replaceChildren(errorBox(error));
      return false;
    }
  }

  async function move(tile, by) {
    const nodes = [...grid.children];
    const from = nodes.findIndex((node) => node.tile === tile);
    const to = from + by;
    if (from < 0 || to < 0 || to >= nodes.length) {
      return;
    }

    const order = nodes.map((node) => node.tile);
    [order[from], order[to]] = [order[to], order[from]];
    if (!await persist(order)) {
      return;
    }

    const node = nodes[from];
    if (by < 0) {
      grid.insertBefore(node, nodes[to]);
    } else {
      nodes[to].after(node);
    }

    arrange();
    status.textContent = `Moved "${tile.title}" to place ${to + 1}.`;
    const button = node.querySelector(by < 0 ? ".move-up" : ".move-down");
    (button.disabled ? node.querySelector(by < 0 ? ".move-down" : ".move-up") : button).focus();
  }

  async function remove(tile) {
    const nodes = [...grid.children];
    const at = nodes.findIndex((node) => node.tile === tile);
    if (!await persist(nodes.map((node) => node.tile).filter((other) => other !== tile))) {
      return;
    }

    nodes[at].remove();
    arrange();
    status.textContent = `Removed "${tile.title}".`;
    grid.children[Math.min(at, grid.children.length - 1)]?.querySelector("button")?.focus();
  }

  grid.append(...dashboard.tiles.map(tileNode));
  arrange();
}
