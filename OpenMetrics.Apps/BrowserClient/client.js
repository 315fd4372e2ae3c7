/*! OpenMetrics browser client, MIT license. Same surface as the original client: new OpenMetrics(url) and the _om queue. */
(function (window, document, navigator) {
  'use strict';

  var SESSION_KEY = '_metricId'; // the original client's cookie, so that existing visitors keep their session
  var OPT_OUT_KEY = '_metricOptOut';
  var EVENTS = '/v1/events';
  var INTERVAL = 1000; // at most one request a second...
  var SOON = 5; // ...sooner once this many items wait
  var MAX_EVENTS = 100; // per call
  // Per call, under the 64 KiB a page may have in flight through sendBeacon and keepalive fetch.
  var MAX_BYTES = 60000;
  var MAX_URL = 2000; // a longer call is POSTed: proxies and old servers cut long URLs
  var MAX_BACKOFF = 60000;
  var YEAR = 31536000;

  function now() { return Date.now(); }

  function warn(text) {
    if (window.console && console.warn) console.warn('OpenMetrics: ' + text);
  }

  // Not crypto.randomUUID: that exists only on https pages, and getRandomValues everywhere.
  function randomId(length) {
    var chars = 'abcdefghijklmnopqrstuvwxyz0123456789', bytes = new Uint8Array(length), id = '', i;
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (i = 0; i < length; i++) bytes[i] = Math.random() * 256;
    for (i = 0; i < length; i++) id += chars.charAt(bytes[i] % 36);
    return id;
  }

  // Cookies and localStorage both throw in sandboxed frames and some privacy modes; the client then keeps going without.
  function readCookie(name) {
    try {
      var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
      return match ? decodeURIComponent(match[1]) : null;
    } catch (e) { return null; }
  }

  function writeCookie(name, value, maxAge) {
    try {
      document.cookie = name + '=' + encodeURIComponent(value) + '; path=/; max-age=' + maxAge + '; SameSite=Lax' +
        (location.protocol === 'https:' ? '; Secure' : '');
    } catch (e) { /* no cookies here: localStorage holds the value */ }
  }

  function readLocal(name) {
    try { return window.localStorage.getItem(name); } catch (e) { return null; }
  }

  function writeLocal(name, value) {
    try {
      if (value === null) localStorage.removeItem(name);
      else localStorage.setItem(name, value);
    } catch (e) { /* private mode or blocked storage */ }
  }

  // Both places, so that a browser that refuses one still keeps the value in the other.
  function remember(name, value) {
    writeCookie(name, value === null ? '' : value, value === null ? 0 : YEAR);
    writeLocal(name, value);
  }

  function recall(name) { return readCookie(name) || readLocal(name); }

  function doNotTrack() {
    return navigator.doNotTrack === '1' || navigator.doNotTrack === 'yes' || window.doNotTrack === '1' ||
      navigator.msDoNotTrack === '1' || navigator.globalPrivacyControl === true;
  }

  // Retry-After is seconds or an HTTP date (RFC 9110); anything else means "use the backoff".
  function retryAfterMs(header) {
    if (!header) return null;
    var ms = /^\s*\d+\s*$/.test(header) ? parseInt(header, 10) * 1000 : Date.parse(header) - now();
    return isNaN(ms) ? null : Math.min(Math.max(ms, 0), 10 * MAX_BACKOFF);
  }

  // A JSON object without its braces, to be spliced after the sessionId; throws on what JSON cannot hold (cycles).
  function fieldsOf(value) { return JSON.stringify(value).slice(1, -1); }

  function OpenMetrics(serverUrl, options) {
    if (!(this instanceof OpenMetrics)) return new OpenMetrics(serverUrl, options);
    var self = this;
    options = options || window.openMetricOptions || {};
    var url = String(serverUrl || window.openMetricUrl || '').replace(/\/+$/, '');
    var maxQueue = options.maxQueue > 0 ? options.maxQueue : 1000;
    // The project's write key travels in the payload: the one place a GET, a text/plain POST and a beacon all carry
    // without a CORS preflight.
    var key = options.writeKey ? ',"key":' + JSON.stringify(String(options.writeKey)) : '';
    // Calls not yet answered, oldest first: {route, session, fields} or {route: EVENTS, session, events: [json], bytes}.
    var outbox = [];
    var queued = 0; // events and calls in the outbox
    var inFlight = null, timer = null, timerAt = 0, lastSent = 0, retryAt = 0, failures = 0;
    var flushing = false, destroyed = false, waiters = [];
    var pageId = randomId(10), eventNumber = 0;
    var dnt = options.respectDoNotTrack && doNotTrack();

    function off() { return destroyed || dnt || recall(OPT_OUT_KEY) === '1'; }

    // Read each time: clearSession in another tab of the same site moves this one along, as with the original client.
    function session() {
      var id = recall(SESSION_KEY);
      if (!id) {
        id = randomId(20);
        remember(SESSION_KEY, id);
      }
      return id;
    }

    function bytesOf(events) {
      for (var i = 0, total = 0; i < events.length; i++) total += events[i].length + 1;
      return total;
    }

    function sizeOf(call) { return call.events ? call.events.length : 1; }

    function remove(call) {
      var index = outbox.indexOf(call);
      if (index >= 0) {
        outbox.splice(index, 1);
        queued -= sizeOf(call);
      }
    }

    // Bounded memory: past maxQueue the oldest waiting event goes first, then the oldest waiting call.
    function trim() {
      while (queued > maxQueue) {
        var victim = null, i;
        for (i = 0; i < outbox.length && !victim; i++) if (outbox[i].events && outbox[i] !== inFlight) victim = outbox[i];
        for (i = 0; i < outbox.length && !victim; i++) if (outbox[i] !== inFlight) victim = outbox[i];
        if (!victim) return;
        if (victim.events && victim.events.length > 1) {
          victim.bytes -= victim.events.shift().length + 1;
          queued--;
        } else {
          remove(victim);
        }
        self.dropped++;
      }
    }

    function add(route, fields) {
      if (off()) return;
      outbox.push({ route: route, session: session(), fields: fields });
      queued++;
      trim();
      schedule();
    }

    function body(call, sentAt) {
      var text = '{"sessionId":' + JSON.stringify(call.session) + key;
      if (call.events) return text + ',"sentAt":' + sentAt + ',"events":[' + call.events.join(',') + ']}';
      return text + (call.fields ? ',' + call.fields : '') + '}';
    }

    function schedule() {
      if (destroyed || inFlight || !outbox.length) return;
      var t = now();
      var wait = queued >= SOON || flushing ? 0 : lastSent + INTERVAL - t;
      var at = t + Math.max(wait, retryAt - t, 0);
      if (timer && timerAt <= at) return;
      clearTimeout(timer);
      timerAt = at;
      timer = setTimeout(send, at - t);
    }

    function send() {
      timer = null;
      var call = outbox[0];
      if (!call || inFlight || destroyed) return;
      inFlight = call;
      lastSent = now();
      var text = body(call, lastSent), encoded = encodeURIComponent(text);
      var query = url + call.route + '?q=' + encoded;
      // keepalive lets a call in flight finish after the page is gone, up to 64 KiB (the encoded length bounds the
      // UTF-8 size from above); no-store: a GET must reach the server every time.
      var init = { credentials: 'omit', cache: 'no-store', keepalive: encoded.length < 64000 };
      if (query.length > MAX_URL) {
        query = url + call.route;
        init.method = 'POST';
        init.body = text; // text/plain: JSON that needs no CORS preflight, as sendBeacon sends it
      }
      fetch(query, init).then(function (response) {
        answered(call, response.status, response.headers.get('Retry-After'));
      }, function () {
        answered(call, 0, null);
      });
    }

    function answered(call, status, retryAfter) {
      inFlight = null;
      if (status === 413 && call.events && call.events.length > 1) {
        // Too large for this server's limit: halves go out one after the other, in order.
        var half = { route: EVENTS, session: call.session, events: call.events.splice(call.events.length >> 1) };
        half.bytes = bytesOf(half.events);
        call.bytes = bytesOf(call.events);
        outbox.splice(outbox.indexOf(call) + 1, 0, half);
      } else if (status === 0 || status === 408 || status === 429 || status >= 500) {
        // Nothing was stored, or we cannot know: the same call again later, with the same event ids.
        failures++;
        var delay = retryAfterMs(retryAfter);
        retryAt = now() + (delay === null ? Math.min(MAX_BACKOFF, INTERVAL * Math.pow(2, failures - 1)) * (0.5 + Math.random() / 2) : delay);
      } else {
        // Stored (2xx), or refused for good (4xx): a call the server refuses would be refused again.
        if (status >= 300) warn(call.route + ' was refused with ' + status);
        remove(call);
        failures = 0;
        retryAt = 0;
      }
      settle();
      schedule();
    }

    function settle() {
      if (outbox.length && !off()) return;
      flushing = false;
      var done = waiters;
      waiters = [];
      for (var i = 0; i < done.length; i++) done[i]();
    }

    // The page may be closing: whatever waits goes out with sendBeacon, which outlives the page.
    function hide(event) {
      if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
      var t = now(), pending = outbox.slice();
      clearTimeout(timer);
      timer = null;
      for (var i = 0; i < pending.length; i++) {
        var call = pending[i];
        if (call === inFlight) continue; // its keepalive fetch finishes on its own
        // While the server fails, a beacon may be refused too: the call then stays for the normal retry (the event
        // ids make a second delivery count once).
        if (navigator.sendBeacon && navigator.sendBeacon(url + call.route, body(call, t)) && !failures) remove(call);
      }
      settle();
      schedule();
    }

    function online() {
      retryAt = 0;
      schedule();
    }

    self.dropped = 0;

    self.logEvent = function (name, props, eventOptions) {
      if (off()) return;
      var event = { name: name, ts: now(), id: pageId + '.' + (++eventNumber) };
      if (props != null) event.props = props;
      if (eventOptions && eventOptions.active === false) event.options = { active: false };
      var json;
      try { json = JSON.stringify(event); } catch (e) { warn('event ' + name + ' has props that JSON cannot hold'); return; }
      var id = session(), last = outbox[outbox.length - 1];
      if (!last || last === inFlight || !last.events || last.session !== id ||
          last.events.length >= MAX_EVENTS || last.bytes + json.length > MAX_BYTES) {
        last = { route: EVENTS, session: id, events: [], bytes: 0 };
        outbox.push(last);
      }
      last.events.push(json);
      last.bytes += json.length + 1;
      queued++;
      trim();
      schedule();
    };

    self.setUserId = function (userId) { add('/v1/setUserId', fieldsOf({ userId: userId })); };

    self.setUserProperties = function (props) { add('/v1/setUserProps', fieldsOf({ props: props })); };

    self.setSessionProperties = function (props) { add('/v1/setSessionProps', fieldsOf({ props: props })); };

    // A new session from now on; what was logged before still goes out under the old one.
    self.clearSession = function () {
      if (!off()) remember(SESSION_KEY, randomId(20));
    };

    // Sends what waits now, without the one-second pause; resolves once nothing waits (or never, while the server is down).
    self.flush = function () {
      return new Promise(function (resolve) {
        waiters.push(resolve);
        flushing = true;
        settle();
        schedule();
      });
    };

    // Stops logging on this site for this browser, and forgets its session, until optIn().
    self.optOut = function () {
      remember(OPT_OUT_KEY, '1');
      remember(SESSION_KEY, null);
      outbox = inFlight ? [inFlight] : [];
      queued = inFlight ? sizeOf(inFlight) : 0;
      settle();
    };

    self.optIn = function () { remember(OPT_OUT_KEY, null); };

    self.destroy = function () {
      hide({ type: 'pagehide' });
      destroyed = true;
      clearTimeout(timer);
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', hide);
      window.removeEventListener('online', online);
      settle();
    };

    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', hide);
    window.addEventListener('online', online);
    if (!off()) session();
    adoptQueue(self);
  }

  function run(client, command) {
    var name = command && command[0];
    if (name === 'event') client.logEvent(command[1], command[2], command[3]);
    else if (/^(setUserId|setUserProperties|setSessionProperties|clearSession|optOut|optIn)$/.test(name)) client[name](command[1]);
    else warn('unknown command ' + name);
  }

  // The snippet's array is worked through in order, then kept (pages may hold it) with a push that runs at once.
  function adoptQueue(client) {
    var queue = window._om;
    if (!queue || typeof queue.push !== 'function' || queue.openMetrics) return;
    for (var i = 0; i < queue.length; i++) run(client, queue[i]);
    queue.length = 0;
    queue.openMetrics = client;
    queue.push = function () {
      for (var j = 0; j < arguments.length; j++) run(client, arguments[j]);
      return 0;
    };
  }

  window.OpenMetrics = OpenMetrics;
  if (window.openMetricUrl && window._om && !window.openMetrics) window.openMetrics = new OpenMetrics();
})(window, document, navigator);
