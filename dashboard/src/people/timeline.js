// A user's events, newest first, a page at a time (GET /api/users/{id}/events, "next" is the cursor): the next page
// loads when the sentinel below the list scrolls into view, or with the "Load more" button (keyboard users).
import { api } from "../api.js";
import { el, errorBox } from "../ui.js";
import { propChips, when } from "./format.js";

const PAGE = 50;

export function timeline(userId, eventName, signal) {
  const list = el("ol", { className: "event-list timeline", id: "timeline" });
  const status = el("p", { className: "muted", role: "status" });
  const more = el("button", { type: "button", className: "secondary", id: "load-more", hidden: true }, "Load more");
  const sentinel = el("div", { className: "sentinel", "aria-hidden": "true" });
  let cursor = null;
  let done = false;
  let busy = false;

  async function next() {
    if (busy || done || signal.aborted) {
      return;
    }

    busy = true;
    more.disabled = true;
    status.textContent = "Loading…";
    try {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (cursor) {
        params.set("before", cursor);
      }

      if (eventName) {
        params.set("event", eventName);
      }

      const page = await api.get(`/api/users/${encodeURIComponent(userId)}/events?${params}`);
      if (signal.aborted) {
        return;
      }

      list.append(...page.events.map((event) => el("li", { dataset: { event: event.event, ts: event.ts } },
        when(event.ts),
        el("strong", {}, event.event),
        propChips(event.props, 6),
        el("small", { className: "muted" }, "session ", el("code", {}, event.sessionId)))));
      cursor = page.next;
      done = !cursor;
      const shown = list.children.length;
      status.textContent = done
        ? (shown === 0 ? (eventName ? `No ${eventName} event.` : "No event.") : `All ${shown} events shown.`)
        : `${shown} events shown, newest first.`;
      more.hidden = done;
    } catch (error) {
      status.replaceChildren(errorBox(error));
    } finally {
      busy = false;
      more.disabled = false;
    }

    // A page shorter than the screen leaves the sentinel visible: the observer does not fire again by itself.
    if (!done && !signal.aborted && isVisible(sentinel)) {
      next();
    }
  }

  more.addEventListener("click", () => next());
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      next();
    }
  }, { rootMargin: "200px" });
  observer.observe(sentinel);
  signal.addEventListener("abort", () => observer.disconnect(), { once: true });
  next();
  return el("div", {}, list, sentinel, status, more);
}

function isVisible(node) {
  const box = node.getBoundingClientRect();
  return box.top < window.innerHeight + 200 && box.bottom > -200 && node.isConnected;
}
