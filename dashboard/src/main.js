// The dashboard: one page, one view per path, every view's state in its address. Views call the query API with the
// key the dashboard link carried (kept for the browser session, removed from the address bar), or, in Azure with sign-in
// on, as the person App Service authentication signed in.
import { adoptKeyFromAddress, hasKey, setKey, signInState } from "./api.js";
import { route, start } from "./router.js";
import { el } from "./ui.js";
import { renderAlerts } from "./views/alerts.js";
import { renderDashboard, renderDashboards } from "./views/dashboards.js";
import { renderFunnels } from "./views/funnels.js";
import { renderHome } from "./views/home.js";
import { renderImports } from "./views/imports.js";
import { renderInsights } from "./views/insights.js";
import { renderLive } from "./views/live.js";
import { renderMetrics } from "./views/metrics.js";
import { renderPeople, renderUser } from "./views/people.js";
import { renderRetention } from "./views/retention.js";
import { renderSources } from "./views/sources.js";
import { renderStart } from "./views/start.js";

adoptKeyFromAddress();

route("/", renderHome, "Home");
route("/start", (container) => renderStart(container), "Getting started");
route("/insights", renderInsights, "Insights");
route("/funnels", renderFunnels, "Funnels");
route("/retention", renderRetention, "Retention");
route("/people", renderPeople, "People");
route("/people/:id", renderUser, "User");
route("/live", renderLive, "Live");
route("/metrics", renderMetrics, "Metrics");
route("/alerts", renderAlerts, "Alerts");
route("/dashboards", renderDashboards, "Dashboards");
route("/dashboards/:id", renderDashboard, "Dashboard");
route("/sources", renderSources, "Metric sources");
route("/import", renderImports, "Import");

const main = document.getElementById("view");
if (hasKey()) {
  start(main);
} else {
  // Signed in by the platform (Azure, sign-in on): no key needed. Otherwise ask for the key once for this browser
  // session (a bookmark, a shared link), with a sign-in link when the server offers one.
  signInState().then(({ signedIn, signInPage }) => (signedIn ? start(main) : askForKey(signInPage)));
}

function askForKey(signInPage) {
  const input = el("input", { type: "password", id: "key", autocomplete: "off", required: true });
  const back = encodeURIComponent(window.location.pathname + window.location.search + window.location.hash);
  main.append(el("form", {
    className: "key-form",
    onsubmit: (event) => {
      event.preventDefault();
      setKey(input.value);
      main.replaceChildren();
      start(main);
    },
  },
  el("h1", {}, "Enter the query key"),
  signInPage ? el("p", {}, el("a", { id: "sign-in", href: `${signInPage}?post_login_redirect_uri=${back}` }, "Sign in with your work account"), " or enter the key.") : null,
  el("p", {}, "The dashboard link the server printed carries it (…/?key=…). In Azure, it is the Key Vault secret azd created."),
  el("label", { htmlFor: "key" }, "Query key"), input, el("button", { type: "submit" }, "Open the dashboard")));
}
