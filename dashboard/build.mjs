// Bundles the dashboard (src/main.js and Chart.js from npm) into one script, and copies the page and its styles, into
// the folder given as the first argument. The query app and the local host call it from their builds (dashboard.targets).
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node dashboard/build.mjs OUTPUT_FOLDER");
  process.exit(2);
}

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  outfile: join(out, "app.js"),
  legalComments: "linked",
  logLevel: "warning",
});
await copyFile(join(here, "index.html"), join(out, "index.html"));
await copyFile(join(here, "style.css"), join(out, "style.css"));
