// Fills the getting-started page with this server's own address and checks that the logging API answers.
const origin = window.location.origin;
document.getElementById("curl").textContent =
  `curl -X POST "${origin}/v1/events" -H "Content-Type: application/json" -d '{"sessionId":"s1","events":[{"name":"signup"}]}'`;
document.getElementById("snippet").textContent = `<script>
  window._om = window._om || [];
  window.openMetricUrl = "${origin}";
  _om.push(['event', 'page viewed', { path: location.pathname }]);
</script>
<script async src="${origin}/apis/javascript/client.js"></script>`;
const status = document.getElementById("status");
fetch("/v1/ping")
  .then((response) => response.text())
  .then((text) => {
    status.textContent = text === "pong" ? "up" : `answering "${text}"`;
    status.className = text === "pong" ? "up" : "down";
  })
  .catch(() => {
    status.textContent = "not reachable from this page";
    status.className = "down";
  });
