import { el } from "../ui.js";

export function renderInsights(container) {
  container.append(el("h1", {}, "Insights"), el("p", {}, "Being built."));
}
