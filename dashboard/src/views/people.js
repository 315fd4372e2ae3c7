// People: a search over user ids and property values, and each user's profile (properties, sessions) with their event
// timeline. Every user id on these pages is a link to the profile.
import { api } from "../api.js";
import { eventInput } from "../catalog.js";
import { propChips, propText, when } from "../people/format.js";
import { timeline } from "../people/timeline.js";
import { readState, writeState } from "../router.js";
import { el, field, formatNumber, load, table, userLink } from "../ui.js";

export function renderPeople(container, _params, signal) {
  let state = readState({ search: "" });
  const input = el("input", { type: "search", id: "people-search", value: state.search ?? "", placeholder: "user id or property value", autocomplete: "off" });
  const results = el("div", { "aria-live": "polite" });
  const form = el("form", {
    className: "toolbar people-search",
    role: "search",
    onsubmit: (event) => {
      event.preventDefault();
      state = { ...state, search: input.value.trim() };
      writeState(state);
      search();
    },
  }, field("Search people", input), el("button", { type: "submit" }, "Search"));
  container.append(el("h1", {}, "People"), form, results);

  function search() {
    const params = new URLSearchParams({ limit: "50" });
    if (state.search) {
      params.set("search", state.search);
    }

    load(results, api.get(`/api/users?${params}`), (answer) => answer.users.length === 0
      ? el("p", { className: "muted" }, state.search ? `Nobody matches "${state.search}".` : "No user yet.")
      : el("div", { id: "people-results" }, table(["User", "First seen", "Last seen", "Properties"], answer.users.map((user) => [
        el("span", {}, userLink(user.userId), user.anonymous ? el("small", { className: "muted" }, " anonymous") : null),
        when(user.firstSeen),
        when(user.lastSeen),
        propChips(user.props),
      ]), state.search ? `Users matching "${state.search}", most recently seen first (at most 50).` : "Most recently seen users (at most 50).")), signal);
  }

  search();
}

export function renderUser(container, params, signal) {
  const userId = params.id;
  let state = readState({ event: "" });
  const profile = el("div");
  const events = el("div");
  const filter = eventInput(state.event, (event) => {
    state = { ...state, event };
    writeState(state);
    drawTimeline();
  }, { placeholder: "all events" });
  filter.querySelector("input").id = "timeline-event";
  filter.querySelector("input").setAttribute("aria-label", "Only this event");
  container.append(el("h1", { className: "user-title" }, "User ", userLink(userId)), profile,
    el("h2", {}, "Events"), el("div", { className: "toolbar" }, field("Only this event", filter)), events);

  load(profile, api.get(`/api/users/${encodeURIComponent(userId)}`), (user) => [
    user.mergedFrom ? el("p", { className: "muted" }, userLink(user.mergedFrom), " was merged into ", userLink(user.userId), ": this is their profile.") : null,
    el("div", { className: "figures" },
      el("div", { className: "big-number" }, el("span", { id: "event-count", dataset: { value: String(user.eventCount) } }, formatNumber(user.eventCount)), el("small", {}, "events")),
      el("div", { className: "big-number" }, el("span", {}, formatNumber(user.sessions.length)), el("small", {}, "sessions")),
      el("div", { className: "big-number dates" }, el("small", {}, "first seen"), el("div", {}, when(user.firstSeen)), el("small", {}, "last seen"), el("div", {}, when(user.lastSeen)))),
    el("h2", {}, "Properties"),
    Object.keys(user.props ?? {}).length === 0
      ? el("p", { className: "muted" }, "No user property.")
      : el("div", { id: "user-props" }, table(["Property", "Value"], Object.entries(user.props).map(([key, value]) => [el("code", {}, key), propText(value)]))),
    user.mergedUsers?.length ? el("p", {}, "Also known as: ", user.mergedUsers.flatMap((id, index) => [index ? ", " : "", userLink(id)])) : null,
    el("h2", {}, "Sessions"),
    table(["Session", "First seen", "Last seen", "Properties"], user.sessions.map((session) => [
      el("code", {}, session.sessionId), when(session.firstSeen), when(session.lastSeen), propChips(session.props, 4),
    ])),
  ], signal);

  let timelineRun = null;
  function drawTimeline() {
    timelineRun?.abort();
    timelineRun = new AbortController();
    signal.addEventListener("abort", () => timelineRun.abort(), { once: true });
    events.replaceChildren(timeline(userId, state.event, timelineRun.signal));
  }

  drawTimeline();
}
