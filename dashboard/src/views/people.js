import { el } from "../ui.js";

export function renderPeople(container) {
  container.append(el("h1", {}, "People"), el("p", {}, "Being built."));
}

export function renderUser(container, params) {
  container.append(el("h1", {}, params.id), el("p", {}, "Being built."));
}
