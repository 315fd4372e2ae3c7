import { el } from "../ui.js";

export function renderDashboards(container) {
  container.append(el("h1", {}, "Dashboards"), el("p", {}, "Being built."));
}

export function renderDashboard(container, params) {
  container.append(el("h1", {}, `Dashboard ${params.id}`), el("p", {}, "Being built."));
}
