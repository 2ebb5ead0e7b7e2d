#!/usr/bin/env node
// Full-handshake TLS load client: one NEW TLS connection per request, never a session reuse,
// SNI cycling over the hostnames of a hosts.tsv (host TAB sha256 fingerprint, written by
// io.ccsfront.bench.CertGen), one "GET /" per connection, and a check on every connection that
// the certificate the server presented is exactly the one generated for that SNI. The same client
// is used for every server the benchmark compares.
//
//   node tls-load.mjs --port 8443 --hosts DIR/hosts.tsv [--host 127.0.0.1] [--count 20000]
//        [--duration 30] [--concurrency 16] [--start 0] [--probe 60]
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

// One client context for every connection (building one per connection loads the CA store each
// time and would dominate the client's CPU). Node never offers a session it was not given, and
// every connection is checked below with isSessionReused().
const context = tls.createSecureContext({ minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' });

const request = (sni) => Buffer.from(`GET / HTTP/1.1\r\nHost: ${sni}\r\nUser-Agent: ccsfront-tls-load\r\nConnection: close\r\n\r\n`, 'ascii');

// One connection: resolves {ok, wrong, error, totalNs, handshakeNs, tickets, status}
function once(sni) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    let tHandshake = 0n;
    let tickets = 0;
    let buf = '';
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ ...r, totalNs: Number(process.hrtime.bigint() - t0), handshakeNs: Number(tHandshake - t0), tickets });
    };
    const socket = tls.connect({
      host, port, servername: sni,
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
      if (fp !== expected.get(sni)) {
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
  const sni = names[names.length - 1];
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  const watch = args.watchPid ? Number(args.watchPid) : 0;
  while (Date.now() < deadline) {
    if (watch) {
      try { process.kill(watch, 0); } catch (e) {
        console.log(JSON.stringify({ probe: sni, error: `server process ${watch} exited: ${last}` }));
        return 1;
      }
    }
    const r = await once(sni);
    if (r.ok) {
      console.log(JSON.stringify({ probe: sni, okAtMs: Date.now(), status: r.status }));
      return 0;
    }
    if (r.wrong) {
      console.log(JSON.stringify({ probe: sni, wrong: r.wrong }));
      return 2;
    }
    last = r.error;
    await new Promise((res) => setTimeout(res, 20));
  }
  console.log(JSON.stringify({ probe: sni, error: `no correct handshake within ${seconds}s: ${last}` }));
  return 1;
}

async function load() {
  let next = Number(args.start ?? 0);
  let started = 0;
  let ok = 0, errors = 0, wrong = 0, tickets = 0;
  const statuses = {};
  const totals = [], handshakes = [];
  const firstProblems = [];
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const deadline = t0 + durationMs;
  async function worker() {
    while (started < count && Date.now() < deadline && wrong === 0) {
      started++;
      const sni = names[next++ % names.length];
      const r = await once(sni);
      tickets += r.tickets;
      if (r.ok) {
        ok++;
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
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  totals.sort((a, b) => a - b);
  handshakes.sort((a, b) => a - b);
  const out = {
    ok, errors, wrong, elapsedMs, concurrency, startIndex: Number(args.start ?? 0), nextIndex: next,
    rate: Math.round(ok / (elapsedMs / 1000) * 10) / 10,
    p50ms: pct(totals, 50), p90ms: pct(totals, 90), p99ms: pct(totals, 99), maxms: totals[totals.length - 1] ?? null,
    handshakeP50ms: pct(handshakes, 50), handshakeP99ms: pct(handshakes, 99),
    clientCpuUsPerConn: ok ? Math.round((cpu.user + cpu.system) / ok) : null,
    ticketsPerConn: ok + errors ? tickets / (ok + errors + wrong) : 0, statuses, problems: firstProblems,
  };
  console.log(JSON.stringify(out));
  return wrong > 0 ? 2 : errors > maxErrors ? 1 : 0;
}

process.exitCode = args.probe ? await probe(Number(args.probe)) : await load();
