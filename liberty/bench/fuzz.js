#!/usr/bin/env node
// Robustness fuzzer (issue 22): sends generated requests to every public and admin route of a
// Parley server on loopback and checks every answer: no 5xx other than 503, every error body JSON,
// no stack trace or Java class name in any body. Node's standard library only.
//
// usage: node fuzz.js --url http://127.0.0.1:PORT [--requests 100000] [--duration 600]
//          [--seed 1] [--concurrency 8] [--admin-password P] [--examples 3] [--json FILE]
//   --requests   how many requests (bounded); --duration: stop after this many seconds anyway
//   --seed       the generator's seed: request i of a seed is always the same request
//   --admin-password  signs in as admin (console session + CSRF token) and takes the demo bot's
//                API key, so that a share of the requests gets past authentication
//   --auth-file  keeps the session and key in FILE and reuses them on the next run (the fuzzer's
//                wrong passwords block further admin sign-ins from loopback for 15 minutes)
//   --json       also writes the figures and the first offending pairs as JSON to FILE
// Exit status: 0 all targets met, 1 a target missed, 2 bad arguments or no server.
'use strict';
const http = require('http');
const net = require('net');
const fs = require('fs');

const options = { url: '', requests: 100000, duration: 600, seed: 1, concurrency: 8, adminPassword: '', examples: 3, json: '', authFile: '' };
for (let a = 2; a < process.argv.length; a += 2) {
  const name = process.argv[a].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (!(name in options) || process.argv[a + 1] === undefined) { console.error(`unknown option ${process.argv[a]}`); process.exit(2); }
  options[name] = typeof options[name] === 'number' ? Number(process.argv[a + 1]) : process.argv[a + 1];
}
if (!options.url) { console.error('--url is required'); process.exit(2); }
const base = new URL(options.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) { console.error('loopback only'); process.exit(2); }
const host = base.hostname.replace(/[[\]]/g, '');
const port = Number(base.port || 80);

// ---- seeded randomness -------------------------------------------------------------------------
function rng(seed) { // mulberry32
  let s = seed >>> 0;
  const next = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const r = {
    next, int: (n) => Math.floor(next() * n), chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    bytes: (n) => { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256); return b; },
    word: (n) => { let w = ''; for (let i = 0; i < n; i++) w += 'abcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(next() * 38)]; return w; },
  };
  return r;
}

// ---- routes --------------------------------------------------------------------------------------
// From the JAX-RS resources of platform-core (rest/*Resource.java), the servlets (ops, channels,
// Rasa's root paths) and Liberty's features; the OpenAPI document's paths are added at start.
// body: json | zip | ndjson | yaml | none; names the JSON shape the route reads.
const ROUTES = [
  ['POST', '/api/tenants/{tenant}/bots/{bot}/webhooks/rest/webhook', 'webhook'],
  ['GET', '/api/tenants/{tenant}/bots/{bot}/webhooks/rest', 'none'],
  ['POST', '/api/tenants/{tenant}/bots/{bot}/model/parse', 'parse'],
  ['GET', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/tracker', 'none'],
  ['GET', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/state', 'none'],
  ['DELETE', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}', 'none'],
  ['POST', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/tracker/events', 'events'],
  ['POST', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/trigger_intent', 'intent'],
  ['POST', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/execute', 'action'],
  ['POST', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/predict', 'none'],
  ['POST', '/api/tenants/{tenant}/bots/{bot}/conversations/{sender}/messages', 'message'],
  ['GET', '/api/tenants/{tenant}/bots/{bot}/domain', 'none'],
  ['POST', '/api/nlu/parse', 'nluparse'],
  ['POST', '/api/admin/session', 'signin'],
  ['GET', '/api/admin/session', 'none'],
  ['DELETE', '/api/admin/session', 'none'],
  ['GET', '/api/admin/tenants', 'none'],
  ['PUT', '/api/admin/tenants/{tenant}', 'none'],
  ['PATCH', '/api/admin/tenants/{tenant}', 'displayName'],
  ['DELETE', '/api/admin/tenants/{tenant}', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots', 'none'],
  ['PUT', '/api/admin/tenants/{tenant}/bots/{bot}', 'zip'],
  ['PUT', '/api/admin/tenants/{tenant}/bots/{bot}', 'ndjson'],
  ['PATCH', '/api/admin/tenants/{tenant}/bots/{bot}', 'displayName'],
  ['DELETE', '/api/admin/tenants/{tenant}/bots/{bot}', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/jobs/{job}', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/versions', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/files', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/export', 'none'],
  ['POST', '/api/admin/tenants/{tenant}/bots/{bot}/versions/{version}/activate', 'none'],
  ['POST', '/api/admin/tenants/{tenant}/bots/{bot}/validate', 'files'],
  ['POST', '/api/admin/tenants/{tenant}/bots/{bot}/key', 'none'],
  ['POST', '/api/admin/tenants/{tenant}/bots/{bot}/chat', 'webhook'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/conversations', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/conversations/{sender}', 'none'],
  ['DELETE', '/api/admin/tenants/{tenant}/bots/{bot}/conversations/{sender}', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/bots/{bot}/metrics', 'none'],
  ['GET', '/api/admin/tenants/{tenant}/users', 'none'],
  ['PUT', '/api/admin/tenants/{tenant}/users/{user}', 'user'],
  ['DELETE', '/api/admin/tenants/{tenant}/users/{user}', 'none'],
  ['GET', '/api/admin/plugins', 'none'],
  ['POST', '/api/admin/maintenance/reencrypt', 'none'],
  ['POST', '/api/admin/tenants/{tenant}/bots/{bot}/test/nlu', 'yaml'],
  ['POST', '/api/admin/tenants/{tenant}/bots/{bot}/test/stories', 'yaml'],
  ['POST', '/webhooks/rest/webhook', 'webhook'],
  ['POST', '/model/parse', 'parse'],
  ['GET', '/conversations/{sender}/tracker', 'none'],
  ['GET', '/domain', 'none'],
  ['GET', '/status', 'none'],
  ['GET', '/version', 'none'],
  ['GET', '/metrics', 'none'],
  ['GET', '/health', 'none'],
  ['GET', '/openapi', 'none'],
  ['GET', '/console/', 'none'],
  ['GET', '/channels/{tenant}/{bot}/socketio/', 'none'],
  ['GET', '/socket.io/', 'none'],
  ['POST', '/v3/directline/conversations', 'none'],
  ['POST', '/v3/directline/conversations/{sender}/activities', 'activity'],
  ['GET', '/v3/directline/conversations/{sender}/activities', 'none'],
  ['POST', '/v3/directline/tokens/generate', 'none'],
  ['GET', '/no/such/page', 'none'],
  ['GET', '/api/no/such/path', 'none'],
].map(([method, path, body]) => ({ method, path, body }));

// Routes that change things: with valid credentials they are sent to the fuzz tenant only, so the
// demo bot, its key and the admin's session stay as they were for the rest of the run.
const DESTRUCTIVE = /\/api\/admin\/(tenants\/\{tenant\}($|\/bots\/\{bot\}($|\/key|\/versions\/)|\/users\/)|session$|maintenance)/;

// ---- values --------------------------------------------------------------------------------------
const PATH_TRICKS = ['..', '.', '%2E%2E', '%2e', '..%2F..%2Fadmin', '..%2f', '%2F', '%2f%2f', '%5C', '..%5C..%5C',
  '%00', 'a%00b', '%', '%zz', '%C0%AE%C0%AE', '%FF%FE', '%E2%80%AE', '%0A', '%0D%0A', '%20', '+', ';jsessionid=1',
  ';a=b', '~', '%7E', '%25', '%252F', '%u002e', '*', '%3F', '%23', 'CON', 'a.json', '%F0%9F%98%80', '%ED%A0%80',
  "'", '%22', '%3Cscript%3E', '$%7B7*7%7D', '..;', 'admin', 'api', 'WEB-INF', 'META-INF'];
const TENANTS = ['demo', 'fuzz', 'nobody', 'DEMO', 'a', ''];
const BOTS = ['demo', 'nothing', 'x', ''];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO', 'CONNECT'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16',
  'application/json; charset=ebcdic', 'application/json;;;', 'text/plain', 'application/xml', 'text/html',
  'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/zip',
  'application/octet-stream', 'application/x-ndjson', 'application/yaml', 'text/yaml', '*/*', 'application/*',
  'a/b/c', '', ';', 'application/json; charset="', 'application/vnd.api+json', 'application/json\u00ff'];
const ACCEPTS = ['*/*', 'application/json', 'text/html', 'application/xml', 'image/png', '*/*;q=x', '', 'a/b;q=0',
  'application/json;q=0', 'text/event-stream', 'application/zip'];

function text(r) {
  switch (r.int(12)) {
    case 0: return '';
    case 1: return ' '.repeat(r.int(50));
    case 2: return 'x'.repeat(r.pick([4096, 5000, 65536, 300000]));
    case 3: return '\u0000' + r.word(5) + '\u0000';
    case 4: { let s = ''; for (let i = 0; i < 20; i++) s += String.fromCharCode(r.int(32)); return s; }
    case 5: return '\ud800' + r.word(3) + '\udfff'; // lone surrogates
    case 6: return '😀'.repeat(r.int(2000));
    case 7: return '<script>alert(1)</script>';
    case 8: return "' OR 1=1 --";
    case 9: return '${jndi:ldap://127.0.0.1:1/a}';
    case 10: return '\u202e' + r.word(8) + '\u200b';
    default: return r.pick(['hello', 'I would like a chicken set meal', 'bye', '/greet', '/restart']) + (r.chance(0.5) ? r.word(4) : '');
  }
}
function anyValue(r, depth = 0) {
  switch (r.int(depth > 2 ? 7 : 9)) {
    case 0: return null;
    case 1: return r.chance(0.5);
    case 2: return r.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 123456789012345678]);
    case 3: case 4: case 5: return text(r);
    case 6: return r.word(r.int(10));
    case 7: return Array.from({ length: r.int(4) }, () => anyValue(r, depth + 1));
    default: { const o = {}; for (let i = r.int(4); i > 0; i--) o[r.pick(['sender', 'message', 'text', r.word(5), ''])] = anyValue(r, depth + 1); return o; }
  }
}
const SHAPES = {
  webhook: (r) => ({ sender: 'fuzz-' + r.int(50), message: text(r), ...(r.chance(0.2) ? { metadata: anyValue(r), message_id: r.word(8) } : {}) }),
  parse: (r) => ({ text: text(r), message_id: r.word(6) }),
  nluparse: (r) => ({ tenant: r.pick(TENANTS), bot: r.pick(BOTS), text: text(r) }),
  events: (r) => r.pick([{ event: 'slot', name: r.word(5), value: anyValue(r) }, [{ event: 'user', text: text(r) }], { event: r.word(6) }, { event: 'action', name: 'action_listen' }]),
  intent: (r) => ({ name: r.pick(['greet', 'goodbye', r.word(6), '']), entities: anyValue(r) }),
  action: (r) => ({ name: r.pick(['utter_greet', 'action_listen', r.word(7), '']) }),
  message: (r) => ({ text: text(r), sender: r.pick(['user', 'bot', r.word(3)]), parse_data: anyValue(r) }),
  signin: (r) => ({ user: r.pick(['admin', r.word(6), '']), password: r.pick([text(r), 'wrong']) }),
  displayName: (r) => ({ display_name: text(r) }),
  user: (r) => ({ role: r.pick(['admin', 'editor', 'viewer', 'operator', r.word(4)]), password: text(r) }),
  files: (r) => ({ 'domain.yml': 'intents: [' + r.word(4), 'config.yml': text(r), 'data/nlu.yml': 'version: "3.1"\nnlu:\n- intent: x\n  examples: |\n    - ' + text(r) }),
  activity: (r) => ({ type: r.pick(['message', 'typing', r.word(4)]), text: text(r), from: { id: r.word(5) } }),
};

function jsonBody(r, shape) {
  const valid = (SHAPES[shape] || ((x) => anyValue(x)))(r);
  const mode = r.int(14);
  switch (mode) {
    case 0: case 1: case 2: return Buffer.from(JSON.stringify(valid));
    case 3: { // a field of the wrong type
      const o = typeof valid === 'object' && valid && !Array.isArray(valid) ? { ...valid } : {};
      const keys = Object.keys(o); o[keys.length ? r.pick(keys) : 'message'] = r.pick([42, true, null, [], {}, [1, 2], { a: { b: 1 } }, -0.0, 1e400]);
      return Buffer.from(JSON.stringify(o));
    }
    case 4: { // deep nesting
      const depth = r.pick([100, 999, 1001, 5000, 50000]); const open = r.chance(0.5) ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      return Buffer.from(open.repeat(depth) + (r.chance(0.8) ? '1' + close.repeat(depth) : ''));
    }
    case 5: { const s = JSON.stringify(valid); return Buffer.from(s.slice(0, r.int(s.length + 1))); } // truncated
    case 6: return Buffer.from(r.pick(['', 'null', 'true', '"x"', '[]', '{}', '1', 'NaN', '{"a":NaN}', "{'sender':'x'}", '{"sender":"x",}', '{"a":1}{"b":2}', '\ufeff{"sender":"x","message":"hi"}', '{"message":"hi" /* c */}', '{"message":"\\ud800"}', '{"message":"\\u0000"}', '{"message":"\\x41"}', '{"message":"hi","message":"again"}', '1'.repeat(5000), '-' + '9'.repeat(400), '{"a":1e999999}', '[' + '1,'.repeat(100000) + '1]']));
    case 7: { // invalid UTF-8 inside a string
      const s = JSON.stringify(valid); const at = Math.max(1, s.indexOf('"', 1));
      return Buffer.concat([Buffer.from(s.slice(0, at)), Buffer.from(r.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]])), Buffer.from(s.slice(at))]);
    }
    case 8: { // raw control characters and NUL inside strings
      const s = JSON.stringify(valid).replace(/"([^"]{0,3})/, (m, g) => '"' + String.fromCharCode(r.int(32)) + g);
      return Buffer.from(s);
    }
    case 9: return r.bytes(r.int(2048)); // random bytes
    case 10: return Buffer.from(JSON.stringify(anyValue(r)));
    case 11: { const o = { ...valid }; for (let i = 0; i < r.pick([10, 1000, 20000]); i++) o['k' + i] = i; return Buffer.from(JSON.stringify(o)); }
    case 12: return Buffer.from(JSON.stringify([valid, valid]));
    default: return Buffer.from(JSON.stringify(valid).replace(/"/g, r.pick(["'", '', '\\"'])));
  }
}
function otherBody(r, kind) {
  switch (kind) {
    case 'zip': return r.chance(0.5) ? Buffer.concat([Buffer.from('PK\u0003\u0004'), r.bytes(r.int(4096))]) : r.pick([Buffer.alloc(0), Buffer.from('PK\u0005\u0006' + '\u0000'.repeat(18)), r.bytes(64)]);
    case 'ndjson': return Buffer.from(Array.from({ length: r.int(20) }, () => r.chance(0.7) ? JSON.stringify({ path: r.pick(['domain.yml', 'config.yml', '../../etc/passwd', '/abs', 'data/%00.yml', '']), content: text(r) }) : text(r)).join('\n'));
    case 'yaml': return Buffer.from(r.pick(['nlu:\n- intent: greet\n  examples: |\n    - ' + text(r), 'a: &a [*a]', '- - - - -', 'stories:\n- story: x\n  steps:\n  - user: ' + text(r), '!!x.y.Object {}', ':\n:\n', text(r), 'a: ' + '['.repeat(r.pick([10, 2000])), 'version: "3.1"\n' + 'x: y\n'.repeat(r.int(3000))]));
    default: return null;
  }
}

function pathValue(r, name, authed) {
  if (r.chance(0.35)) {
    if (r.chance(0.1)) return 'a'.repeat(r.pick([300, 5000, 20000]));
    return r.pick(PATH_TRICKS) + (r.chance(0.3) ? r.word(3) : '');
  }
  switch (name) {
    case 'tenant': return authed ? r.pick(['demo', 'demo', 'fuzz', 'nobody']) : r.pick(TENANTS.filter(Boolean));
    case 'bot': return r.pick(['demo', 'demo', 'nothing']);
    case 'sender': return 'fuzz-' + r.int(50);
    case 'job': return r.pick(['1', r.word(8), '-1', '00000000-0000-0000-0000-000000000000']);
    case 'version': return r.pick(['1', '0', '-1', '99999999999', 'x', '1.5']);
    case 'user': return r.pick(['admin', 'fuzz-user', r.word(6)]);
    default: return r.word(5);
  }
}
const QUERIES = ['', '', '', '?include_events=ALL', '?include_events=x', '?token=', '?token=abc', '?folds=0', '?folds=-1',
  '?folds=99999', '?cascade=true', '?format=JSON', '?format=YAML', '?version=x', '?version=999', '?limit=-1&offset=x',
  '?until=abc', '?a=%00', '?%zz', '?' + 'a=b&'.repeat(2000), '?predictions=maybe', '?scope=application', '?sort=;drop'];

// ---- one generated request -------------------------------------------------------------------
// Returns {i, method, path, headers: [[name, value]...], body} for the http module, or
// {i, raw: Buffer, method, path} for a raw socket (malformed HTTP Node's client would refuse).
function generate(i, routes, auth) {
  const r = rng((options.seed * 1000003 + i * 7919) >>> 0);
  const route = r.pick(routes);
  const authMode = r.pick(['none', 'none', 'session', 'session', 'key', 'basic-wrong', 'bad']);
  const authed = authMode === 'session' && auth.session;
  let path = route.path.replace(/\{(\w+)\}/g, (_, name) => {
    let v = pathValue(r, name, authed);
    if (authed && DESTRUCTIVE.test(route.path) && name === 'tenant') v = 'fuzz';
    return v;
  });
  if (authed && /\/api\/admin\/session$/.test(route.path) && route.method === 'DELETE') path = '/api/admin/session-not';
  if (r.chance(0.04)) path = path.replace(/\//g, r.pick(['//', '/./', '%2F']));
  if (r.chance(0.03)) path = path + r.pick(['/', '/..', '/%2e%2e/%2e%2e/WEB-INF/web.xml', '.json', '%00']);
  path += r.pick(QUERIES);
  let method = route.method;
  if (r.chance(0.12)) method = r.pick(METHODS);
  const headers = [];
  let body = null;
  if (route.body !== 'none' || r.chance(0.1)) {
    body = ['zip', 'ndjson', 'yaml'].includes(route.body) ? otherBody(r, route.body) : jsonBody(r, route.body);
    if (r.chance(0.05)) body = r.bytes(r.int(1 << r.int(17)));
    let type = { zip: 'application/zip', ndjson: 'application/x-ndjson', yaml: 'application/yaml' }[route.body] || 'application/json';
    if (r.chance(0.15)) type = r.pick(CONTENT_TYPES);
    if (type) headers.push(['Content-Type', type]);
  }
  if (r.chance(0.1)) headers.push(['Accept', r.pick(ACCEPTS)]);
  switch (authMode) {
    case 'session':
      if (auth.session) {
        headers.push(['Cookie', auth.session.cookie]);
        if (r.chance(0.9)) headers.push(['X-Parley-CSRF', r.chance(0.95) ? auth.session.csrf : r.word(20)]);
        headers.push(['X-Parley-Client', 'console']);
      }
      break;
    case 'key': if (auth.key) headers.push(['Authorization', 'Bearer ' + (r.chance(0.9) ? auth.key : auth.key + 'x')]); break;
    case 'basic-wrong': headers.push(['Authorization', 'Basic ' + Buffer.from(r.pick(['admin:wrong', 'nocolon', ':', 'admin:', r.word(10) + ':' + r.word(3)])).toString('base64')]); break;
    case 'bad': headers.push(['Authorization', r.pick(['Bearer', 'Bearer ', 'Basic', 'Basic !!!', 'Basic ' + 'A'.repeat(9000), 'Digest username="a"', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.' + r.word(20), 'Negotiate YII=', 'bearer  ' + r.word(30), 'x'.repeat(r.int(200))])]); break;
  }
  if (r.chance(0.05)) headers.push(['Cookie', r.pick(['parley_session=' + r.word(40), 'parley_session=', 'a'.repeat(10000) + '=b', 'parley_session="' + r.word(5), ';;;==;'])]);
  if (r.chance(0.04)) headers.push(['X-' + r.word(8), 'v'.repeat(r.pick([1000, 16000, 40000, 100000]))]); // huge header
  if (r.chance(0.03)) for (let k = r.pick([50, 200, 600]); k > 0; k--) headers.push(['X-Many-' + k, r.word(4)]);
  if (r.chance(0.03)) headers.push([r.pick(['X-Forwarded-For', 'X-Forwarded-Host', 'Forwarded', 'Host', 'X-Parley-Seal', 'Origin', 'Range', 'If-None-Match', 'Expect', 'Accept-Charset', 'Accept-Encoding', 'Content-Encoding']), r.pick(['127.0.0.1, 10.0.0.1', 'evil.example', 'for=unknown', 'bytes=0-1,5-', 'gzip', '*', 'utf-7', r.word(30)])]);
  // malformed HTTP for a raw socket: about 8 % of the requests
  if (r.chance(0.08) || method === 'CONNECT') return { i, route: route.path, method, path, raw: rawRequest(r, method, path, headers, body || Buffer.alloc(0)) };
  return { i, route: route.path, method, path, headers, body };
}

function rawRequest(r, method, path, headers, body) {
  const lines = [];
  let line = `${method} ${path} HTTP/1.1`;
  let hs = [['Host', `${host}:${port}`], ...headers, ['Connection', 'close']];
  switch (r.int(14)) {
    case 0: hs.push(['Content-Length', String(body.length)], ['Content-Length', String(body.length + 1)]); break; // two differing lengths
    case 1: hs.push(['Content-Length', String(body.length)], ['Transfer-Encoding', 'chunked']); break;
    case 2: hs.push(['Transfer-Encoding', 'chunked']); body = Buffer.from(r.pick(['zz\r\nabc\r\n0\r\n\r\n', '5\r\nab\r\n0\r\n\r\n', '-1\r\n\r\n', 'ffffffffffffffff\r\nab\r\n', '0\r\nX: y\r\n\r\n'])); break;
    case 3: hs.push(['Content-Length', r.pick(['-1', 'abc', '1e3', '99999999999999999999', ' 5', '0x10', ''])]); break;
    case 4: line = `${method} ${path}${r.pick(['\u0000', '\u00e9', ' extra', '\t'])} HTTP/1.1`; hs.push(['Content-Length', String(body.length)]); break;
    case 5: line = r.pick([`${method} ${path}`, `${method} ${path} HTTP/2.0`, `${method} ${path} HTTP/9.9`, `${method} ${path} HTTP/1.1 x`, `${method}  ${path}  HTTP/1.1`, `${method} http://127.0.0.1:${port}${path} HTTP/1.1`, `${method} * HTTP/1.1`, 'GET', '']); hs.push(['Content-Length', String(body.length)]); break;
    case 6: hs.push(['X-Nul', 'a\u0000b'], ['Content-Length', String(body.length)]); break;
    case 7: hs.push(['X-Fold', 'a'], [' folded', 'b'], ['Content-Length', String(body.length)]); break;
    case 8: hs = hs.filter(([k]) => k !== 'Host'); hs.push(['Host', 'a'], ['Host', 'b'], ['Content-Length', String(body.length)]); break;
    case 9: hs.push(['Content-Length', String(body.length)], ['Bad Header', 'x'], [':', 'y'], ['X-\u00ff', 'z']); break;
    case 10: hs.push(['Content-Length', String(Math.max(0, body.length - r.int(5) - 1))]); break; // shorter than the body
    case 11: line = `${method} /${encodeURI('é').slice(1)}${path}\u00ff\u0001 HTTP/1.1`; hs.push(['Content-Length', String(body.length)]); break;
    case 12: line = `${method} /${'a/'.repeat(r.pick([3000, 20000]))} HTTP/1.1`; hs.push(['Content-Length', String(body.length)]); break;
    default: hs.push(['Content-Length', String(body.length)], ['Expect', '100-continue']); break;
  }
  const eol = r.chance(0.1) ? '\n' : '\r\n';
  lines.push(line, ...hs.map(([k, v]) => `${k}: ${v}`));
  return Buffer.concat([Buffer.from(lines.join(eol) + eol + eol, 'latin1'), body]);
}

// ---- sending ---------------------------------------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
const TIMEOUT_MS = 20000;

function sendHttp(req) {
  return new Promise((resolve) => {
    let done = false;
    let request;
    const guard = setTimeout(() => { if (request) request.destroy(); finish({ error: 'no answer in time' }); }, TIMEOUT_MS + 5000);
    const finish = (res) => { if (!done) { done = true; clearTimeout(guard); resolve(res); } };
    try {
      const headers = {};
      for (const [k, v] of req.headers) { if (k in headers) headers[k] = [].concat(headers[k], v); else headers[k] = v; }
      if (req.body) headers['Content-Length'] = req.body.length;
      request = http.request({ host, port, method: req.method, path: req.path, headers, agent, timeout: TIMEOUT_MS, insecureHTTPParser: true });
    } catch (e) { return finish({ skipped: e.code || e.message }); }
    request.on('response', (res) => {
      const chunks = []; let size = 0;
      res.on('data', (c) => { if (size < 2e6) chunks.push(c); size += c.length; });
      res.on('end', () => finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), error: e.code || e.message }));
      res.on('close', () => finish({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), error: 'closed' }));
    });
    request.on('close', () => setImmediate(() => finish({ error: 'closed without response' })));
    request.on('timeout', () => { request.destroy(new Error('timeout')); });
    request.on('error', (e) => finish({ error: e.code || e.message }));
    request.end(req.body || undefined);
  });
}

function sendRaw(req) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const chunks = []; let done = false;
    const finish = () => {
      if (done) return; done = true; socket.destroy();
      resolve(parseRaw(Buffer.concat(chunks), req.method));
    };
    socket.setTimeout(TIMEOUT_MS, finish);
    setTimeout(finish, TIMEOUT_MS + 5000).unref();
    socket.on('connect', () => socket.end(req.raw));
    socket.on('data', (c) => { chunks.push(c); if (complete(Buffer.concat(chunks), req.method)) finish(); });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}
function splitHead(buf) {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = buf.slice(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/\d\.\d (\d{3})/.exec(statusLine);
  if (!m) return null;
  const headers = {};
  for (const l of lines) { const c = l.indexOf(':'); if (c > 0) headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim(); }
  return { status: Number(m[1]), headers, rest: buf.slice(end + 4) };
}
function dechunk(rest) {
  const out = []; let at = 0;
  for (;;) {
    const nl = rest.indexOf('\r\n', at); if (nl < 0) return null;
    const n = parseInt(rest.slice(at, nl).toString('latin1'), 16); if (isNaN(n)) return null;
    if (n === 0) return Buffer.concat(out);
    if (rest.length < nl + 2 + n) return null;
    out.push(rest.slice(nl + 2, nl + 2 + n)); at = nl + 4 + n;
  }
}
function complete(buf, method) {
  const head = splitHead(buf); if (!head) return false;
  if (head.status === 100) return false;
  if (method === 'HEAD' || head.status === 204 || head.status === 304) return true;
  if (head.headers['content-length'] !== undefined) return head.rest.length >= Number(head.headers['content-length']);
  if (/chunked/i.test(head.headers['transfer-encoding'] || '')) return dechunk(head.rest) !== null;
  return false;
}
function parseRaw(buf, method) {
  let head = splitHead(buf);
  while (head && head.status === 100) head = splitHead(head.rest);
  if (!head) return { error: buf.length ? 'unparsable response' : 'closed without response' };
  let body = head.rest;
  if (method === 'HEAD') body = Buffer.alloc(0);
  else if (head.headers['content-length'] !== undefined) body = body.slice(0, Number(head.headers['content-length']));
  else if (/chunked/i.test(head.headers['transfer-encoding'] || '')) body = dechunk(body) || body;
  return { status: head.status, headers: head.headers, body };
}

// ---- checks ----------------------------------------------------------------------------------------
const LEAK = /\b(java|javax|jakarta|com\.ibm|org\.(apache|hibernate|infinispan|eclipse|h2)|dev\.parley)\.[a-z]|Exception\b|Exception:|\tat |\bat [a-z]+\.[a-z]+\.[A-Za-z$]+\.[a-z]+\(/;
// What a client is legitimately served as something else than JSON: the console's static files
// (HTML, JS, CSS, images), the OpenAPI UI and document (YAML by default), Prometheus' text at
// /metrics, and the Engine.IO long-polling of socket.io.
const NON_JSON_ROUTES = /^\/(console(\/|$)|socket\.io\/)/;
function isJson(res) {
  if (!/json/i.test(res.headers['content-type'] || '')) return false;
  try { JSON.parse(res.body.toString('utf8')); return true; } catch { return false; }
}

const stats = { sent: 0, byClass: {}, noAnswer: 0, skipped: 0, raw: 0, authed: 0 };
const failures = { unexpected5xx: [], nonJsonError: [], leak: [], noAnswer: [], channelRejection: [], libertyEndpoint: [], container: [] };
const counts = { unexpected5xx: 0, nonJsonError: 0, leak: 0, noAnswer: 0, channelRejection: 0, libertyEndpoint: 0 };
// Liberty's own applications beside Parley's (mpMetrics, mpOpenAPI, mpHealth): their error pages and
// bodies are Liberty's, outside the WAR's error handling; what they answer wrong is counted apart.
const LIBERTY_ENDPOINTS = /^\/(metrics|openapi|health)(\/|$)/;
// The web container's own answers, before any filter of the application can act, that Liberty's
// configuration cannot make JSON (docs/robustness.md, "Open"). They are counted in the targets, and
// also apart (FuzzIT leaves them out of the non-JSON target):
// - its HTML 400 for a URI it cannot decode or canonicalize (CWWWC0005I), written before it picks an
//   application;
// - its 403 for TRACE at a path that no servlet of the WAR maps (static files, Rasa's root paths,
//   unknown paths): the body is server.xml's JSON text (displayTextWhenNoErrorPageDefined), but the
//   container gives it no Content-Type.
// Its HTML 500 for a failed error dispatch (SRVE0232E) and its own TRACE page are mended, and no
// longer left out.
const byContainer = { unexpected5xx: 0, nonJsonError: 0, leak: 0 };
const containerKinds = { uriRejected: 0, trace403: 0 };
function fromContainer(req, res) {
  if (res.status === 400 && /^<H1>CWWWC0005I:/.test(res.body.toString('latin1'))) return 'uriRejected';
  if (req.method === 'TRACE' && res.status === 403 && !res.headers['content-type'] && parses(res.body)) return 'trace403';
  return null;
}
function parses(body) {
  try { JSON.parse(body.toString('utf8')); return true; } catch { return false; }
}
function offend(check, req, res) {
  counts[check]++;
  const kind = check in byContainer ? fromContainer(req, res) : null;
  if (kind) {
    byContainer[check]++;
    containerKinds[kind]++;
    if (failures.container.length < options.examples) failures.container.push(describe(req, res));
    return;
  }
  if (failures[check].length < options.examples) failures[check].push(describe(req, res));
}
function describe(req, res) {
  const show = (b, n) => b ? JSON.stringify(b.slice(0, n).toString('latin1')) + (b.length > n ? `…(${b.length} bytes)` : '') : '';
  return {
    request: `#${req.i} ${req.method} ${req.path.length > 160 ? req.path.slice(0, 160) + '…' : req.path}` + (req.raw ? ' (raw socket)' : ''),
    request_head: req.raw ? show(req.raw.slice(0, req.raw.indexOf('\r\n\r\n') + 4 || 300), 400) : JSON.stringify((req.headers || []).map(([k, v]) => `${k}: ${String(v).length > 60 ? String(v).slice(0, 60) + '…' : v}`)),
    request_body: req.raw ? '' : show(req.body, 200),
    response: res.status ? `${res.status} ${res.headers['content-type'] || '(no content-type)'} ${show(res.body, 400)}` : `no answer: ${res.error}`,
  };
}
function check(req, res) {
  if (res.skipped) { stats.skipped++; return; }
  stats.sent++;
  if (req.raw) stats.raw++;
  if (!res.status) {
    stats.noAnswer++;
    // a malformed raw request may be answered by closing the connection; a well-formed one must not
    if (!req.raw) offend('noAnswer', req, res);
    return;
  }
  const cls = `${Math.floor(res.status / 100)}xx`;
  stats.byClass[cls] = (stats.byClass[cls] || 0) + 1;
  // Liberty's HTTP channel answers requests that break HTTP or its limits (header size, request
  // line, version) itself, before any application: a bare status, no Content-Type, no body. They
  // are counted apart: no body can leak, and no application code can shape them.
  if (res.status >= 400 && !res.headers['content-type'] && res.body.length === 0 && [400, 413, 414, 431, 505].includes(res.status)) {
    offend('channelRejection', req, res);
    return;
  }
  if (LIBERTY_ENDPOINTS.test(req.path.replace(/[?#].*$/, ''))) {
    const bad = (res.status >= 500 && res.status !== 503) || (res.status >= 400 && !isJson(res) && res.body.length > 0) || (LEAK.test(res.body.toString('latin1')) && !/^\/openapi\/ui/.test(req.path));
    if (bad) offend('libertyEndpoint', req, res);
    return;
  }
  if (res.status >= 500 && res.status !== 503) offend('unexpected5xx', req, res);
  const bodyless = req.method === 'HEAD' || res.status === 304 || res.status === 204;
  const pathOnly = req.path.replace(/[?#].*$/, '');
  if (res.status >= 400 && !bodyless && !isJson(res) && !(NON_JSON_ROUTES.test(pathOnly) && res.status < 500 && !/^\/api/.test(pathOnly))) {
    offend('nonJsonError', req, res);
  }
  const staticFile = /^\/(console|openapi\/ui)\//.test(pathOnly) && res.status < 400 && !/json/.test(res.headers['content-type'] || '');
  if (!staticFile && LEAK.test(res.body.toString('latin1'))) offend('leak', req, res);
}

// ---- set-up: sign in, take the demo bot's key, add the OpenAPI document's routes ----------------
function call(method, path, body, headers = {}) {
  return sendHttp({ method, path, headers: Object.entries({ ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers }), body: body ? Buffer.from(JSON.stringify(body)) : null });
}
async function setUp() {
  const auth = {};
  const status = await call('GET', '/status');
  if (!status.status) { console.error(`no server at ${options.url}: ${status.error}`); process.exit(2); }
  if (options.authFile && fs.existsSync(options.authFile)) {
    Object.assign(auth, JSON.parse(fs.readFileSync(options.authFile, 'utf8')));
  } else if (options.adminPassword) {
    const signIn = await call('POST', '/api/admin/session', { user: 'admin', password: options.adminPassword });
    if (signIn.status !== 200) { console.error(`sign-in failed: ${signIn.status} ${signIn.body}`); process.exit(2); }
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    auth.session = { cookie, csrf: JSON.parse(signIn.body).csrf_token };
    const h = { Cookie: cookie, 'X-Parley-CSRF': auth.session.csrf };
    await call('PUT', '/api/admin/tenants/fuzz', null, h);
    const key = await call('POST', '/api/admin/tenants/demo/bots/demo/key', null, h);
    if (key.status === 200) auth.key = JSON.parse(key.body).apiKey;
    if (options.authFile) fs.writeFileSync(options.authFile, JSON.stringify(auth));
  }
  const routes = [...ROUTES];
  const doc = await call('GET', '/openapi?format=JSON');
  let fromDoc = 0;
  try {
    for (const [path, ops] of Object.entries(JSON.parse(doc.body).paths || {})) {
      for (const method of Object.keys(ops).map((m) => m.toUpperCase()).filter((m) => METHODS.includes(m))) {
        const known = routes.some((x) => x.method === method && x.path === path);
        if (!known) { routes.push({ method, path, body: ['POST', 'PUT', 'PATCH'].includes(method) ? 'any' : 'none' }); fromDoc++; }
      }
    }
  } catch { console.error('no OpenAPI document at /openapi?format=JSON; the built-in routes only'); }
  return { auth, routes, fromDoc };
}

async function main() {
  const { auth, routes, fromDoc } = await setUp();
  const started = Date.now();
  const deadline = started + options.duration * 1000;
  let next = 0;
  const worker = async () => {
    while (next < options.requests && Date.now() < deadline) {
      const req = generate(next++, routes, auth);
      let res = req.raw ? await sendRaw(req) : await sendHttp(req);
      if (!req.raw && ['ECONNRESET', 'EPIPE'].includes(res.error) && !res.status) res = await sendHttp(req);
      if (!req.raw && req.headers.some(([k]) => k === 'Cookie' || k === 'Authorization')) stats.authed++;
      check(req, res);
    }
  };
  const progress = setInterval(() => console.error(`  ${stats.sent} requests, ${((Date.now() - started) / 1000).toFixed(0)} s`), 15000);
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  clearInterval(progress);
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  const result = {
    seed: options.seed, requests: stats.sent, seconds: Number(seconds.toFixed(1)), routes: routes.length, routes_from_openapi: fromDoc,
    stopped_by_time: next < options.requests, raw_socket_requests: stats.raw, with_credentials: stats.authed,
    by_class: stats.byClass, no_answer: stats.noAnswer, not_sendable: stats.skipped,
    unexpected_5xx: counts.unexpected5xx, non_json_errors: counts.nonJsonError, leaks: counts.leak, well_formed_without_answer: counts.noAnswer, channel_rejections: counts.channelRejection, container_5xx: byContainer.unexpected5xx, container_non_json: byContainer.nonJsonError, container_leaks: byContainer.leak, container_uri_rejected: containerKinds.uriRejected, container_trace_403: containerKinds.trace403, liberty_endpoints: counts.libertyEndpoint,
    examples: failures,
  };
  print(result);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(result, null, 1));
  process.exit(counts.unexpected5xx || counts.nonJsonError || counts.leak ? 1 : 0);
}

function print(r) {
  const rows = [
    ['requests sent', r.requests + (r.stopped_by_time ? ' (stopped by --duration)' : '')],
    ['time', `${r.seconds} s (${(r.requests / r.seconds).toFixed(0)} requests/s)`],
    ['routes (of them from /openapi only)', `${r.routes} (${r.routes_from_openapi})`],
    ['with credentials / malformed HTTP (raw socket)', `${r.with_credentials} / ${r.raw_socket_requests}`],
    ...['1xx', '2xx', '3xx', '4xx', '5xx'].map((c) => [`status ${c}`, r.by_class[c] || 0]),
    ['no answer (connection closed)', r.no_answer],
    ['bare 4xx/505 of the HTTP channel (no body; not counted below)', r.channel_rejections],
    ['5xx, non-JSON errors or leaks of Liberty\'s /metrics, /openapi, /health (not counted below)', r.liberty_endpoints],
    ['5xx other than 503 (target 0)', r.unexpected_5xx],
    ['  of them the web container\'s own, before the application', r.container_5xx],
    ['non-JSON error bodies (target 0)', r.non_json_errors],
    ['  of them the web container\'s own, before the application', `${r.container_non_json} (URI rejected, CWWWC0005I: ${r.container_uri_rejected}; TRACE 403: ${r.container_trace_403})`],
    ['bodies naming a stack trace or Java class (target 0)', r.leaks],
    ['  of them the web container\'s own, before the application', r.container_leaks],
    ['well-formed requests without an answer', r.well_formed_without_answer],
  ];
  console.log(`\nfuzz: seed ${r.seed}`);
  console.log('| check | value |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  for (const [name, list] of Object.entries(r.examples)) {
    if (!list.length) continue;
    console.log(`\nfirst ${list.length} of ${name}:`);
    for (const e of list) console.log(`  ${e.request}\n    headers: ${e.request_head}\n    body: ${e.request_body}\n    -> ${e.response}`);
  }
}

main().catch((e) => { console.error(e); process.exit(2); });
