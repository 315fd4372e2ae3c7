// The users who stopped after a step: POST /api/query/funnel/dropoff with the funnel's body plus "step" (and the
// breakdown value when the click came from a breakdown's table), each user a link to their profile.
import { api } from "../api.js";
import { el, formatNumber, load, userLink } from "../ui.js";

export function showDropoff(slot, query, step, breakdownValue, signal) {
  const body = breakdownValue === undefined ? { ...query, step } : { ...query, step, breakdownValue };
  slot.hidden = false;
  return load(slot, api.post("/api/query/funnel/dropoff", body), (answer) => [
    el("h2", { id: "dropoff-title", tabIndex: -1 }, `Dropped off after step ${step + 1} (${answer.event})`,
      breakdownValue === undefined ? "" : `, ${breakdownValue}`),
    el("p", {}, `${formatNumber(answer.droppedOff)} user${answer.droppedOff === 1 ? "" : "s"} got this far and no further.`,
      answer.complete ? "" : ` The first ${formatNumber(answer.users.length)} are listed (raise "dropoffLimit" for more).`),
    answer.users.length === 0
      ? el("p", { className: "muted" }, "Nobody.")
      : el("ul", { className: "user-list", id: "dropoff-users" }, answer.users.map((user) => el("li", {}, userLink(user)))),
    el("button", { type: "button", className: "secondary", onclick: () => { slot.hidden = true; slot.replaceChildren(); } }, "Close"),
  ], signal).then((result) => {
    slot.querySelector("#dropoff-title")?.focus();
    return result;
  });
}
