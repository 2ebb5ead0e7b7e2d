#!/usr/bin/env node
// Full-handshake TLS load client: one NEW TLS connection per request, never a session reuse,
// SNI cycling over the hostnames of a hosts.tsv (host TAB sha256 fingerprint, written by
// io.ccsfront.bench.CertGen), one "GET /" per connection, and a check on every connection that
// the certificate the server presented is exactly the one generated for that SNI. The same client
// is used for every server the benchmark compares.
//
//   node tls-load.mjs --port 8443 --hosts DIR/hosts.tsv [--host 127.0.0.1] [--count 20000]
//        [--duration 30] [--concurrency 16] [--start 0] [--probe 60]
//        [--targets 127.0.0.1,127.0.0.2,127.0.0.3] [--rate 150] [--accept HOST=FP] [--timeline FILE]
//   node tls-load.mjs --port 8443 --hosts DIR/hosts.tsv --watch HOST --newFp FP [--targets ...]
//        [--timeout 120] [--interval 50]
//
// --targets: several server addresses; connection k goes to target k mod n ("DNS round-robin").
// --rate R: start R connections per second (paced; --concurrency caps those in flight) instead of
// as many as the concurrency allows. --accept HOST=FP: FP is also a right certificate for HOST (a
// certificate replaced during the run; both OLD and NEW are right; counted apart). --timeline FILE:
// one line per connection "startEpochMs latencyMs ok|error|wrong target". SIGTERM/SIGINT end a load
// run early (in-flight connections finish, the JSON line is printed).
// --watch HOST --newFp FP: rotation probe: every --interval ms, on each target in parallel, one
// handshake with SNI HOST; prints the epoch millisecond at which each target first presented FP
// (and how often the OLD certificate or an error was seen before and after) once all targets have;
// exit 1 after --timeout seconds without.
//
// --count and --duration bound the run (whichever comes first). --probe S: instead of a load
// run, retry one handshake (SNI = the LAST hostname of the file) every 20 ms for up to S seconds
// and print the epoch millisecond of the first correct one (start-up time measurement);
// --watchPid P ends the probe early when process P has exited.
// Output: one JSON line on stdout. Exit code 0 when every handshake presented the right
// certificate over TLS 1.3 with ALPN http/1.1 and got an HTTP response; 2 on a wrong certificate
// (or protocol / ALPN); 1 on other failures above --maxErrors (default 0).
import tls from 'node:tls';
import fs from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
  return acc;
}, []));
const host = args.host ?? '127.0.0.1';
const targets = (args.targets ?? host).split(',').filter(Boolean);
const port = Number(args.port);
const count = Number(args.count ?? 20000);
const durationMs = Number(args.duration ?? 30) * 1000;
const concurrency = Number(args.concurrency ?? 16);
const maxErrors = Number(args.maxErrors ?? 0);
if (!port || !args.hosts) {
  console.error('usage: node tls-load.mjs --port PORT --hosts hosts.tsv [--host 127.0.0.1] [--count N] [--duration S] [--concurrency C] [--start I] [--probe S]');
  process.exit(64);
}
const names = [];
const expected = new Map();
for (const line of fs.readFileSync(args.hosts, 'ascii').split('\n')) {
  if (!line) continue;
  const [h, fp] = line.split('\t');
  names.push(h);
  expected.set(h, fp);
}
// extra accepted fingerprints (a certificate replaced during the run): host -> Set(fp)
const accepted = new Map();
for (const a of [].concat(args.accept ?? []).flatMap((x) => x.split(',')).filter(Boolean)) {
  const i = a.indexOf('=');
  const h = a.slice(0, i);
  if (!accepted.has(h)) accepted.set(h, new Set());
  accepted.get(h).add(a.slice(i + 1));
}

// One client context for every connection (building one per connection loads the CA store each
// time and would dominate the client's CPU). Node never offers a session it was not given, and
// every connection is checked below with isSessionReused().
const context = tls.createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });

const request = (sni) => Buffer.from(`GET / HTTP/1.1\r\nHost: ${sni}\r\nUser-Agent: ccsfront-tls-load\r\nConnection: close\r\n\r\n`, 'ascii');

// One connection: resolves {ok, wrong, error, totalNs, handshakeNs, tickets, status}
function once(sni, target = targets[0]) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    let tHandshake = 0n;
    let tickets = 0;
    let buf = '';
    let done = false;
    let presented = null;
    const finish = (r) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ ...r, totalNs: Number(process.hrtime.bigint() - t0), handshakeNs: Number(tHandshake - t0), tickets, fp: presented });
    };
    const socket = tls.connect({
      host: target, port, servername: sni,
      rejectUnauthorized: false,          // the check below is stricter: the exact certificate generated for this name
      ALPNProtocols: ['http/1.1'],
      minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', secureContext: context,
      // no "session" option and a fresh connection each time: every handshake is a full one
    });
    socket.setNoDelay(true);
    socket.on('session', () => { tickets++; });   // NewSessionTicket messages the server sent (should be 0: tickets off)
    socket.on('secureConnect', () => {
      tHandshake = process.hrtime.bigint();
      const cert = socket.getPeerCertificate(false);
      const fp = cert && cert.fingerprint256;
      presented = fp;
      if (fp !== expected.get(sni) && !(accepted.has(sni) && accepted.get(sni).has(fp))) {
        return finish({ wrong: `SNI ${sni}: presented ${cert && cert.subject ? cert.subject.CN : '?'} ${fp}` });
      }
      if (socket.getProtocol() !== 'TLSv1.3' || socket.alpnProtocol !== 'http/1.1' || socket.isSessionReused()) {
        return finish({ wrong: `SNI ${sni}: protocol ${socket.getProtocol()} ALPN ${socket.alpnProtocol} resumed ${socket.isSessionReused()}` });
      }
      socket.write(request(sni));
    });
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      buf += d;
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(buf);
      if (!m) return finish({ error: `SNI ${sni}: not an HTTP response: ${JSON.stringify(buf.slice(0, 40))}` });
      const cl = /\r\ncontent-length: *(\d+)/i.exec(buf.slice(0, end));
      if (cl && buf.length - end - 4 < Number(cl[1])) return; // wait for the body
      finish({ ok: true, status: Number(m[1]) });
    });
    socket.on('end', () => finish({ error: `SNI ${sni}: closed before a complete response (${buf.length} bytes)` }));
    socket.on('error', (e) => finish({ error: `SNI ${sni}: ${e.code ?? ''} ${e.message}` }));
    socket.setTimeout(10000, () => finish({ error: `SNI ${sni}: timeout` }));
  });
}

function pct(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
}

async function probe(seconds) {
  // start-up: the LAST hostname must be served with its right certificate by EVERY target
  const sni = names[names.length - 1];
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  const watch = args.watchPid ? String(args.watchPid).split(',').map(Number) : [];
  const okAt = {};
  while (Date.now() < deadline) {
    for (const w of watch) {
      try { process.kill(w, 0); } catch (e) {
        console.log(JSON.stringify({ probe: sni, error: `server process ${w} exited: ${last}`, okAt }));
        return 1;
      }
    }
    for (const t of targets) {
      if (okAt[t]) continue;
      const r = await once(sni, t);
      if (r.ok) okAt[t] = Date.now();
      else if (r.wrong) {
        console.log(JSON.stringify({ probe: sni, target: t, wrong: r.wrong }));
        return 2;
      } else last = `${t}: ${r.error}`;
    }
    if (targets.every((t) => okAt[t])) {
      console.log(JSON.stringify({ probe: sni, okAtMs: Math.max(...Object.values(okAt)), okAt }));
      return 0;
    }
    await new Promise((res) => setTimeout(res, 20));
  }
  console.log(JSON.stringify({ probe: sni, error: `no correct handshake within ${seconds}s: ${last}`, okAt }));
  return 1;
}

async function watchRotation() {
  // one loop per target: SNI = the replaced host; first time NEW is presented, OLD/errors seen
  const sni = args.watch;
  const newFp = args.newFp;
  const oldFp = expected.get(sni);
  const intervalMs = Number(args.interval ?? 50);
  const deadline = Date.now() + Number(args.timeout ?? 120) * 1000;
  const startedMs = Date.now();
  const per = {};
  let stop = false;
  process.on('SIGTERM', () => { stop = true; });
  await Promise.all(targets.map(async (t) => {
    const st = per[t] = { firstNewMs: null, lastOldMs: null, oldBefore: 0, oldAfterNew: 0, errors: 0, other: 0, polls: 0, lastError: null };
    // after the first NEW, keep polling a little (1 s) to see whether OLD comes back
    let until = deadline;
    while (!stop && Date.now() < Math.min(until, deadline)) {
      const r = await once(sni, t);
      const now = Date.now();
      st.polls++;
      if (r.fp === newFp) {
        if (st.firstNewMs === null) { st.firstNewMs = now; until = now + 1000; }
      } else if (r.fp === oldFp) {
        if (st.firstNewMs === null) st.oldBefore++; else st.oldAfterNew++;
        st.lastOldMs = now;
      } else if (r.error && !r.fp) {
        st.errors++;
        st.lastError = r.error;
      } else {
        st.other++;
        st.lastError = r.wrong ?? r.error;
      }
      await new Promise((res) => setTimeout(res, intervalMs));
    }
  }));
  const all = targets.every((t) => per[t].firstNewMs !== null);
  console.log(JSON.stringify({
    watch: sni, newFp, startedMs, intervalMs, allNewMs: all ? Math.max(...targets.map((t) => per[t].firstNewMs)) : null, targets: per,
  }));
  return all ? 0 : 1;
}

async function load() {
  let next = Number(args.start ?? 0);
  let started = 0;
  let ok = 0, errors = 0, wrong = 0, tickets = 0;
  const statuses = {};
  const totals = [], handshakes = [];
  const firstProblems = [];
  const perTarget = Object.fromEntries(targets.map((t) => [t, 0]));
  const rotated = {};   // host of an --accept -> {old, new}
  const timeline = args.timeline ? [] : null;
  const rate = args.rate ? Number(args.rate) : 0;
  let stop = false;
  process.on('SIGTERM', () => { stop = true; });
  process.on('SIGINT', () => { stop = true; });
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const deadline = t0 + durationMs;
  async function worker() {
    while (!stop && started < count && Date.now() < deadline && wrong === 0) {
      const k = started++;
      if (rate) {
        const due = t0 + (k * 1000) / rate;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((res) => setTimeout(res, wait));
        if (stop || Date.now() >= deadline) { started--; break; }
      }
      const sni = names[next++ % names.length];
      const target = targets[k % targets.length];
      const startMs = Date.now();
      const r = await once(sni, target);
      tickets += r.tickets;
      if (accepted.has(sni) && r.fp) {
        const c = rotated[sni] ??= { old: 0, new: 0 };
        if (r.fp === expected.get(sni)) c.old++; else if (accepted.get(sni).has(r.fp)) c.new++;
      }
      if (r.ok) {
        ok++;
        perTarget[target]++;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        totals.push(r.totalNs / 1e6);
        handshakes.push(r.handshakeNs / 1e6);
      } else if (r.wrong) {
        wrong++;
        firstProblems.push(r.wrong);
      } else {
        errors++;
        if (firstProblems.length < 5) firstProblems.push(r.error);
      }
      if (timeline) timeline.push(`${startMs} ${(r.totalNs / 1e6).toFixed(2)} ${r.ok ? 'ok' : r.wrong ? 'wrong' : 'error'} ${target}`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  totals.sort((a, b) => a - b);
  handshakes.sort((a, b) => a - b);
  if (timeline) fs.writeFileSync(args.timeline, timeline.join('\n') + '\n');
  const out = {
    ok, errors, wrong, elapsedMs, concurrency, startIndex: Number(args.start ?? 0), nextIndex: next, startMs: t0,
    rate: Math.round(ok / (elapsedMs / 1000) * 10) / 10, targetRate: rate || null, perTarget,
    p50ms: pct(totals, 50), p90ms: pct(totals, 90), p99ms: pct(totals, 99), maxms: totals[totals.length - 1] ?? null,
    handshakeP50ms: pct(handshakes, 50), handshakeP99ms: pct(handshakes, 99),
    clientCpuUsPerConn: ok ? Math.round((cpu.user + cpu.system) / ok) : null,
    ticketsPerConn: ok + errors ? tickets / (ok + errors + wrong) : 0, statuses, problems: firstProblems,
    ...(accepted.size ? { rotated } : {}),
  };
  console.log(JSON.stringify(out));
  return wrong > 0 ? 2 : errors > maxErrors ? 1 : 0;
}

process.exitCode = args.watch ? await watchRotation() : args.probe ? await probe(Number(args.probe)) : await load();
