// Routes are paths (/insights, /people/USER…) and each view keeps its whole state in the ?q= argument as JSON, so
// that a reload or a shared link shows the same view. Links are plain <a href>; clicks on them are taken over here.

const routes = [];
let current = null;

/**
 * Registers a view: pattern like "/people/:id"; render(container, params, signal) draws it (it may be async), and
 * signal aborts when the person leaves the view, so that timers and late answers stop.
 */
export function route(pattern, render, title) {
  const names = [];
  const regex = new RegExp("^" + pattern.replace(/:([a-z]+)/g, (_, name) => {
    names.push(name);
    return "([^/]+)";
  }) + "/?$");
  routes.push({ regex, names, render, title });
}

/** The state the current address holds for its view (the ?q= JSON), or the fallback. */
export function readState(fallback) {
  const text = new URL(window.location.href).searchParams.get("q");
  if (!text) {
    return structuredClone(fallback);
  }

  try {
    return { ...structuredClone(fallback), ...JSON.parse(text) };
  } catch {
    return structuredClone(fallback);
  }
}

/** Writes the view's state into the address without reloading (replace: the back button skips each small change). */
export function writeState(state) {
  const url = new URL(window.location.href);
  url.searchParams.set("q", JSON.stringify(state));
  history.replaceState(null, "", url.pathname + url.search);
}

/** An address for a view with a state, for links and "open in insights". */
export function href(path, state) {
  return state === undefined ? path : `${path}?q=${encodeURIComponent(JSON.stringify(state))}`;
}

export function navigate(to) {
  history.pushState(null, "", to);
  render();
}

export function start(container) {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.origin !== window.location.origin || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }

    if (link.pathname.startsWith("/api/") || link.pathname.startsWith("/v1/") || link.hasAttribute("download")) {
      return;
    }

    event.preventDefault();
    navigate(link.pathname + link.search);
  });
  window.addEventListener("popstate", () => render());
  render.container = container;
  render();
}

function render() {
  const container = render.container;
  const path = window.location.pathname;
  current?.abort();
  current = new AbortController();
  for (const candidate of routes) {
    const match = candidate.regex.exec(path);
    if (match) {
      const params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
      container.replaceChildren();
      document.title = `${candidate.title} · OpenMetrics`;
      for (const link of document.querySelectorAll("nav a")) {
        link.toggleAttribute("aria-current", path === link.pathname || (link.pathname !== "/" && path.startsWith(link.pathname)));
      }

      const signal = current.signal;
      Promise.resolve(candidate.render(container, params, signal)).catch((error) => {
        if (!signal.aborted) {
          container.append(Object.assign(document.createElement("p"), { className: "error", textContent: error.message }));
        }
      });
      container.focus({ preventScroll: true });
      return;
    }
  }

  container.replaceChildren(Object.assign(document.createElement("p"), { textContent: "This page does not exist." }));
}
