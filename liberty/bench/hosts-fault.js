#!/usr/bin/env node
/*
 * The client of liberty/bench/hosts.sh --fault: conversations that survive a host's death, and a
 * check afterwards that no message was lost or duplicated.
 * usage: node hosts-fault.js --hosts http://IP:PORT,... --path TENANT/BOT --script FILE.json
 *          [--conversations 30] [--duration 30] [--fault-file FILE] [--heal-file FILE] [--fault-host URL]
 *          [--apology 'Sorry, something went wrong']
 *
 * --conversations workers each talk one conversation at a time, message after message of a script
 * (a new sender id for each conversation), each message with its own message_id and sent to a
 * host chosen at random (any message of any conversation may reach any host). A message whose call
 * fails (no answer, a non-2xx status, an empty reply or the bot's apology) is sent again with the
 * same message_id to the next host, after 100 ms, for at most 60 s. After --duration seconds the
 * workers finish their current message and stop.
 * Then every conversation's tracker (include_events=ALL, from any host that answers) is read and
 * compared with what the client sent: lost (answered but not in the tracker), duplicated (a
 * message_id twice), out of order, half-done turns (a user message not followed by action_listen).
 * --fault-file: a file where the harness wrote the fault's time (epoch ms: a kill, a cut, a database
 * stop); the latency before and after it is compared: p99 of the answered calls in the 1-s windows
 * after the fault, and the first second from which every window's p99 stays under 2x the p99 before.
 * --heal-file: when the fault ended (the cut healed, the database accepted connections again): the
 * seconds until the first answered call after it, overall and from --fault-host (the cut host), and
 * what --fault-host's calls got while the fault lasted.
 * Prints one JSON line.
 */
const fs = require('fs');

function parseArgs(argv) {
  const o = { hosts: null, path: null, script: null, conversations: 30, duration: 30, faultFile: null,
    healFile: null, faultHost: null,
    apology: 'Sorry, something went wrong', timeout: 10 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-(.)/g, (_, c) => c.toUpperCase());
    if (!(name in o) || argv[i + 1] === undefined) fail(`bad option ${argv[i]}`);
    o[name] = typeof o[name] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!o.hosts || !o.path || !o.script) fail('--hosts, --path and --script are required');
  o.hosts = o.hosts.split(',');
  return o;
}
function fail(msg) { console.error(`hosts-fault.js: ${msg}`); process.exit(2); }

const o = parseArgs(process.argv.slice(2));
const data = JSON.parse(fs.readFileSync(o.script, 'utf8'));
const scripts = typeof data[0] === 'string' ? [data] : data;
const prefix = `fault-${Math.random().toString(36).slice(2, 8)}`;
const botUrl = (host) => `${host}/api/tenants/${o.path.split('/')[0]}/bots/${o.path.split('/')[1]}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const calls = []; // {at, ms, ok, host}
const sent = new Map(); // sender -> [{id, answered}]
let retries = 0;
let unanswered = 0;

async function call(host, sender, text, id) {
  const at = Date.now();
  let ok = false;
  let why = null;
  try {
    const res = await fetch(`${botUrl(host)}/webhooks/rest/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sender, message: text, message_id: id }),
      signal: AbortSignal.timeout(o.timeout * 1000),
    });
    const body = await res.text();
    if (res.ok) {
      const reply = JSON.parse(body);
      ok = Array.isArray(reply) && reply.length > 0 && !String(reply[0].text || '').startsWith(o.apology);
      if (!ok) why = Array.isArray(reply) && reply.length > 0 ? 'apology' : 'empty reply';
    } else why = `status ${res.status}`;
  } catch (e) {
    why = (e.cause && e.cause.code) || e.name;
  }
  calls.push({ at, ms: Date.now() - at, ok, host, why });
  return ok;
}

async function sendUntilAnswered(sender, text, id) {
  let h = Math.floor(Math.random() * o.hosts.length);
  const giveUpAt = Date.now() + 60000;
  for (let attempt = 0; attempt < 600 && Date.now() < giveUpAt; attempt += 1) {
    if (attempt > 0) { retries += 1; await sleep(100); }
    if (await call(o.hosts[h], sender, text, id)) return true;
    h = (h + 1) % o.hosts.length;
  }
  return false;
}

async function worker(w, stopAt) {
  for (let gen = 0; Date.now() < stopAt; gen += 1) {
    const sender = `${prefix}-${w}-${gen}`;
    const script = scripts[(w + gen) % scripts.length];
    const log = [];
    sent.set(sender, log);
    for (let i = 0; i < script.length && Date.now() < stopAt; i += 1) {
      const id = `${sender}-m${i}`;
      const answered = await sendUntilAnswered(sender, script[i], id);
      log.push({ id, answered });
      if (!answered) { unanswered += 1; break; }
    }
  }
}

async function tracker(sender) {
  for (const host of o.hosts) {
    try {
      const res = await fetch(`${botUrl(host)}/conversations/${encodeURIComponent(sender)}/tracker?include_events=ALL`,
        { signal: AbortSignal.timeout(o.timeout * 1000) });
      if (res.ok) return await res.json();
    } catch (e) { /* the next host */ }
  }
  return null;
}

function reasons(failed) { // {reason: count} of failed calls
  const out = {};
  for (const c of failed) out[c.why] = (out[c.why] || 0) + 1;
  return out;
}

function p99(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)];
}

async function main() {
  const start = Date.now();
  await Promise.all(Array.from({ length: o.conversations }, (_, w) => worker(w, start + o.duration * 1000)));
  const result = { hosts: o.hosts.length, conversations: sent.size, sender_prefix: prefix,
    messages: 0, answered: 0, unanswered, retries, calls: calls.length,
    failed_calls: calls.filter((c) => !c.ok).length, lost: 0, duplicated: 0, out_of_order: 0,
    half_done: 0, unreadable_trackers: 0, examples: [] };
  result.failed_calls_pct = Math.round((10000 * result.failed_calls) / Math.max(1, calls.length)) / 100;
  // A refused connection reached no server: a balancer passes such a call to the next host by
  // itself (a retry on connect failure), so its users see only the failures of calls that reached one.
  const reached = calls.filter((c) => c.why !== 'ECONNREFUSED');
  result.reached_calls = reached.length;
  result.failed_reached_calls = reached.filter((c) => !c.ok).length;
  result.failed_reached_pct = Math.round((10000 * result.failed_reached_calls) / Math.max(1, reached.length)) / 100;
  for (const [sender, log] of sent) {
    result.messages += log.length;
    const answered = log.filter((m) => m.answered).map((m) => m.id);
    result.answered += answered.length;
    if (!log.length) continue;
    const t = await tracker(sender);
    if (!t) { result.unreadable_trackers += 1; continue; }
    const ids = [];
    let previous = 'action_listen';
    for (const e of t.events || []) {
      if (e.event === 'user') {
        if (previous !== 'action_listen') result.half_done += 1;
        ids.push(e.message_id);
      } else if (e.event === 'action') previous = e.name;
    }
    const seen = new Set();
    for (const id of ids) { if (seen.has(id)) result.duplicated += 1; seen.add(id); }
    const lost = answered.filter((id) => !seen.has(id));
    result.lost += lost.length;
    const order = ids.filter((id, i) => ids.indexOf(id) === i && answered.includes(id));
    if (order.join() !== answered.filter((id) => seen.has(id)).join()) result.out_of_order += 1;
    if ((lost.length || ids.length !== seen.size) && result.examples.length < 5) {
      result.examples.push({ sender, sent: answered, tracker: ids });
    }
  }
  const timeIn = (file) => (file && fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : null);
  const killAt = timeIn(o.faultFile);
  const healAt = timeIn(o.healFile);
  if (killAt && healAt) {
    const firstOkAfter = (cs) => {
      const first = cs.filter((c) => c.ok && c.at >= healAt).sort((a, b) => a.at - b.at)[0];
      return first ? Math.round((first.at + first.ms - healAt) / 100) / 10 : null;
    };
    result.fault_s = Math.round((healAt - killAt) / 100) / 10;
    result.first_answer_after_heal_s = firstOkAfter(calls);
    if (o.faultHost) {
      const own = calls.filter((c) => c.host === o.faultHost);
      result.fault_host_first_answer_after_heal_s = firstOkAfter(own);
      const during = own.filter((c) => c.at >= killAt && c.at < healAt);
      result.fault_host_during = { answered: during.filter((c) => c.ok).length, ...reasons(during.filter((c) => !c.ok)) };
    }
  }
  if (killAt) {
    const ok = calls.filter((c) => c.ok);
    // before: from the first third of the run before the kill on (the JVMs warm up first)
    const from = start + (killAt - start) / 3;
    result.p99_before_ms = p99(ok.filter((c) => c.at >= from && c.at < killAt).map((c) => c.ms));
    const windows = [];
    for (let s = 0; killAt + s * 1000 < start + o.duration * 1000; s += 1) {
      windows.push(p99(ok.filter((c) => c.at >= killAt + s * 1000 && c.at < killAt + (s + 1) * 1000).map((c) => c.ms)));
    }
    result.p99_after_by_second_ms = windows;
    let recovered = null;
    for (let s = windows.length - 1; s >= 0; s -= 1) {
      if (windows[s] == null || windows[s] >= 2 * result.p99_before_ms) break; // none answered: not back
      recovered = s;
    }
    result.p99_under_2x_after_s = recovered;
    result.failed_calls_after_kill = calls.filter((c) => !c.ok && c.at >= killAt).length;
    result.failures_before_kill = reasons(calls.filter((c) => !c.ok && c.at + c.ms < killAt));
    // started before the fault, ended after it: in flight when it struck (the killed host's
    // connections reset, a passed-on turn's owner gone before it answered)
    result.failures_in_flight_at_kill = reasons(calls.filter((c) => !c.ok && c.at < killAt && c.at + c.ms >= killAt));
    result.failures_after_kill = reasons(calls.filter((c) => !c.ok && c.at >= killAt));
  } else {
    result.failures = reasons(calls.filter((c) => !c.ok));
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => { console.error(e); process.exit(1); });
