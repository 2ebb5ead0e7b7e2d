#!/usr/bin/env node
// Turns side-by-side.sh's results.jsonl into the Markdown tables of docs/BENCHMARKS.md
// ("Side by side (issue 7 §3)"): medians of the measured runs per (key type, server); start-up,
// memory and the certificate replacement per invocation.
//   node side-by-side-report.mjs RESULTS_DIR [MORE_RESULTS_DIRS...]
import { cpuUs, fmt, median, readResults } from './report-common.mjs';

const dirs = process.argv.slice(2);
const { lines, env } = readResults(dirs);
const names = { 'ccsfront-1': 'ccsfront, 1 node', 'ccsfront-3': 'ccsfront, 3 nodes (1 cluster)', nginx: 'nginx', haproxy: 'HAProxy' };
const keyNames = { ec: 'ECDSA P-256', rsa: 'RSA-2048' };
const list = (xs, f) => (xs.length ? xs.map(f).join('; ') : '–');

let out = '';
if (env) out += '```\n' + env.trim() + '\n```\n\n';
for (const key of [...new Set(lines.map((l) => l.key))]) {
  const servers = [...new Set(lines.filter((l) => l.key === key).map((l) => l.server))];
  out += `#### ${keyNames[key] ?? key}\n\n`;
  out += '| server | handshakes/s | p50 ms | p99 ms | server CPU µs/handshake (runs) | start-up s | RSS MB after the runs | replace 1 of 10,000 certificates: change → NEW served, s | failed handshakes during the change | load p50 / p99 ms before → during the change |\n';
  out += '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  const details = [];
  for (const s of servers) {
    const mine = lines.filter((l) => l.key === key && l.server === s);
    const runs = mine.filter((l) => l.phase === 'run');
    const warms = mine.filter((l) => l.phase === 'warmup' && l.pass === 1);
    const rots = mine.filter((l) => l.phase === 'rotation');
    const failed = mine.filter((l) => l.failed);
    if (!runs.length && failed.length) {
      out += `| ${names[s] ?? s} | FAILED: ${String(failed[0].failed).replace(/\|/g, '/').slice(0, 120)} | | | | | | | | |\n`;
      continue;
    }
    const cpus = runs.map(cpuUs);
    const rss = rots.length ? rots.map((r) => r.rssRunsKb) : [median(runs.map((r) => r.rssKb))];
    out += `| ${names[s] ?? s} | ${fmt(median(runs.map((r) => r.client.rate)))} | ${fmt(median(runs.map((r) => r.client.p50ms)), 1)} | ${fmt(median(runs.map((r) => r.client.p99ms)), 1)}`
      + ` | **${fmt(median(cpus))}** (${cpus.map((c) => fmt(c)).join(', ')})`
      + ` | ${list(warms, (w) => fmt(w.startupMs / 1000, 1))}`
      + ` | ${list(rss, (k) => fmt(k / 1024))}`
      + ` | ${list(rots, (r) => (r.rotation.timeToNewMs === null ? 'never' : fmt(r.rotation.timeToNewMs / 1000, 2)))}`
      + ` | ${list(rots, (r) => `${r.rotation.during.failed} of ${r.rotation.during.connections}`)}`
      + ` | ${list(rots, (r) => `${fmt(r.rotation.before.p50ms, 0)} / ${fmt(r.rotation.before.p99ms, 0)} → ${fmt(r.rotation.during.p50ms, 0)} / ${fmt(r.rotation.during.p99ms, 0)}`)} |\n`;
    details.push({ s, runs, rots, idles: mine.filter((l) => l.phase === 'idle') });
  }
  out += '\n| server | processes | h/s per run | p50 ms per run | p99 ms per run | errors (runs) | wrong certificates | load average per run | replacement: answer of the change | NEW first seen per address, ms after the change | OLD seen after NEW | load during the change: rate/s (target) | whole replacement load: ok / errors | server CPU during the change s | RSS MB after the replacement | idle server CPU, % of a core |\n';
  out += '| --- | ---: | --- | --- | --- | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  for (const { s, runs, rots, idles } of details) {
    const r0 = rots[0];
    out += `| ${names[s] ?? s} | ${runs[0]?.processes ?? '–'} | ${runs.map((r) => fmt(r.client.rate)).join(', ')} | ${runs.map((r) => fmt(r.client.p50ms, 1)).join(', ')} | ${runs.map((r) => fmt(r.client.p99ms, 1)).join(', ')}`
      + ` | ${runs.reduce((a, r) => a + r.client.errors, 0)} | ${runs.reduce((a, r) => a + r.client.wrong, 0) + rots.reduce((a, r) => a + (r.rotation.loadWrong ?? 0), 0)}`
      + ` | ${runs.map((r) => r.loadavg).join('/')}`
      + ` | ${list(rots, (r) => '`' + String(r.rotation.answer).replace(/\/\S*\/([^/\s]+\.pem)/g, '$1').replace(/\|/g, '/').replace(/\s+/g, ' ').slice(0, 120) + '`')}`
      + ` | ${list(rots, (r) => Object.entries(r.rotation.firstNewPerTargetMs).map(([t, v]) => `${t}: ${fmt(v)}`).join(', '))}`
      + ` | ${list(rots, (r) => Object.values(r.rotation.probe.targets ?? {}).reduce((a, t) => a + t.oldAfterNew, 0))}`
      + ` | ${list(rots, (r) => `${fmt(r.rotation.during.ratePerS)} (${r.rotRate})`)}`
      + ` | ${list(rots, (r) => `${r.rotation.loadOk} / ${r.rotation.loadErrors}`)}`
      + ` | ${list(rots, (r) => fmt(r.serverTicksDuringChange / r.tick, 1))}`
      + ` | ${list(rots, (r) => fmt(r.rssAfterRotationKb / 1024))}`
      + ` | ${list(idles, (r) => fmt((r.serverTicks / r.tick / r.seconds) * 100, 1))} |\n`;
    void r0;
  }
  out += '\n';
}
process.stdout.write(out);
