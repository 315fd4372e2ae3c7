// The query API as the dashboard calls it: every call carries the query key, and every failure becomes a sentence a
// person can act on (the view shows it where the chart would be).

const KEY_STORAGE = "openmetrics-key";

/** Takes ?key= from the address (the local host prints that link), keeps it for this browser session, and removes it from the address bar. */
export function adoptKeyFromAddress() {
  const url = new URL(window.location.href);
  const key = url.searchParams.get("key");
  if (key) {
    sessionStorage.setItem(KEY_STORAGE, key);
    url.searchParams.delete("key");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }
}

export function hasKey() {
  return Boolean(sessionStorage.getItem(KEY_STORAGE));
}

export function setKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key.trim());
}

/**
 * Asks the server whether this browser may call the API without a key: in Azure with sign-in on, App Service
 * authentication signed the person in (GET /api/settings then answers 200), or names the page to sign in at (a 401's
 * `signIn`). Without sign-in, neither: the page asks for the key as before.
 */
export async function signInState() {
  try {
    const response = await fetch("/api/settings");
    const json = response.ok ? null : await response.json().catch(() => null);
    return { signedIn: response.ok, signInPage: json?.signIn ?? null };
  } catch {
    return { signedIn: false, signInPage: null };
  }
}

export class ApiError extends Error {
  constructor(message, status, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

async function call(method, path, body, raw, extraHeaders = {}) {
  let response;
  try {
    const contentType = raw ? raw.type || "application/octet-stream" : "application/json";
    response = await fetch(path, {
      method,
      headers: { "x-openmetrics-key": sessionStorage.getItem(KEY_STORAGE) ?? "", ...(body === undefined && !raw ? {} : { "content-type": contentType }), ...extraHeaders },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError("The server could not be reached. Check your connection, then try again.", 0, null);
  }

  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }

  if (response.ok) {
    return json;
  }

  if (response.status === 401) {
    throw new ApiError("This page needs the query key. Open the dashboard link the server printed (it ends in ?key=…), or enter the key below.", 401, null);
  }

  if (response.status === 503) {
    throw new ApiError("The storage is busy or unreachable right now. Try again in a few seconds.", 503, null);
  }

  const reason = json?.error ?? `The server answered ${response.status}.`;
  throw new ApiError(reason, response.status, json?.field ?? null);
}

export const api = {
  get: (path) => call("GET", path),
  post: (path, body) => call("POST", path, body),
  put: (path, body) => call("PUT", path, body),
  delete: (path) => call("DELETE", path),
  /** POSTs a file (a Blob) as the body, as it is (a .gz file with Content-Encoding: gzip): the imports API reads it as it arrives. */
  upload: (path, file) => call("POST", path, undefined, file, file.name?.endsWith(".gz") ? { "content-encoding": "gzip" } : {}),
};

/** The annotations a view shows (docs/metrics-alerts.md, "Annotations"): the project's, and a dashboard's own when scope names it. */
export async function listAnnotations(scope) {
  const answer = await api.get(`/api/annotations${scope ? `?scope=${encodeURIComponent(scope)}` : ""}`);
  return answer?.annotations ?? [];
}

export function addAnnotation(annotation) {
  return api.post("/api/annotations", annotation);
}
