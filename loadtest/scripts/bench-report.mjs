#!/usr/bin/env node
// Turns handshake-bench.sh's results.jsonl into the Markdown tables of docs/BENCHMARKS.md:
// medians of the measured runs per (key type, server), ratios to nginx and HAProxy.
//   node bench-report.mjs RESULTS_DIR [MORE_RESULTS_DIRS...]
// With several directories (several invocations of the script) the medians are taken over all
// their runs; start-up times and first-pass figures are listed per invocation.
import { cpuUs, fmt, median, readResults } from './report-common.mjs';

const dirs = process.argv.slice(2);
const { lines, env } = readResults(dirs);

const keys = [...new Set(lines.map((l) => l.key))];
const names = { 'ccsfront-openssl': 'ccsfront, BoringSSL', 'ccsfront-jdk': 'ccsfront, JDK engine', 'ccsfront-base': 'ccsfront, BoringSSL (baseline JAR)', nginx: 'nginx', haproxy: 'HAProxy' };
const keyNames = { ec: 'ECDSA P-256', rsa: 'RSA-2048' };

let out = '';
if (env) out += '```\n' + env.trim() + '\n```\n\n';
for (const key of keys) {
  const servers = [...new Set(lines.filter((l) => l.key === key).map((l) => l.server))];
  const stats = {};
  for (const s of servers) {
    const runs = lines.filter((l) => l.key === key && l.server === s && l.phase === 'run');
    const warms = lines.filter((l) => l.key === key && l.server === s && l.phase === 'warmup' && (l.pass ?? 1) === 1);
    const warm = warms[0];
    const warm2 = lines.find((l) => l.key === key && l.server === s && l.phase === 'warmup' && l.pass === 2);
    const failed = lines.find((l) => l.key === key && l.server === s && (l.failed || (l.client && l.client.wrong)));
    stats[s] = {
      runs: runs.length,
      rate: median(runs.map((r) => r.client.rate)),
      cpu: median(runs.map(cpuUs)),
      cpus: runs.map(cpuUs),
      busy: median(runs.map((r) => (r.serverTicks / r.tick) / (r.client.elapsedMs / 1000))),
      p50: median(runs.map((r) => r.client.p50ms)),
      p99: median(runs.map((r) => r.client.p99ms)),
      clientCpu: median(runs.map((r) => r.client.clientCpuUsPerConn)),
      tickets: median(runs.map((r) => r.client.ticketsPerConn)),
      errors: runs.reduce((a, r) => a + r.client.errors, 0),
      wrong: runs.reduce((a, r) => a + r.client.wrong, 0) + (warm ? warm.client.wrong : 0),
      ok: runs.reduce((a, r) => a + r.client.ok, 0),
      rss: median(runs.map((r) => r.rssKb)),
      load: runs.map((r) => r.loadavg).join('/'),
      startup: warm ? warm.startupMs : null,
      startups: warms.map((w) => w.startupMs),
      warmCpu: warm && warm.client.ok ? (warm.serverTicks / warm.tick) * 1e6 / warm.client.ok : null,
      warmOk: warm ? warm.client.ok : null,
      warm2Cpu: warm2 && warm2.client.ok ? (warm2.serverTicks / warm2.tick) * 1e6 / warm2.client.ok : null,
      failed: failed ? (failed.failed || 'wrong certificate') : null,
    };
  }
  const ratio = (a, b) => (a === null || b === null || b === undefined || b === 0 ? null : a / b);
  const ng = stats.nginx, hp = stats.haproxy;
  out += `### ${keyNames[key] ?? key}\n\n`;
  out += '| server | handshakes/s | server CPU µs/handshake (runs) | capacity per core (10⁶ ÷ CPU µs) | CPU ÷ nginx | CPU ÷ HAProxy | h/s ÷ nginx | h/s ÷ HAProxy | p50 ms | p99 ms | start-up s | RSS MB |\n';
  out += '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  for (const s of servers) {
    const x = stats[s];
    if (x.failed && !x.runs) {
      out += `| ${names[s] ?? s} | FAILED: ${String(x.failed).slice(0, 80)} |||||||||| \n`;
      continue;
    }
    out += `| ${names[s] ?? s} | ${fmt(x.rate)} | **${fmt(x.cpu)}** (${x.cpus.map((c) => fmt(c)).join(', ')}) | ${fmt(x.cpu ? 1e6 / x.cpu : null)}/s | ${fmt(ratio(x.cpu, ng?.cpu), 2)} | ${fmt(ratio(x.cpu, hp?.cpu), 2)} | ${fmt(ratio(x.rate, ng?.rate), 2)} | ${fmt(ratio(x.rate, hp?.rate), 2)} | ${fmt(x.p50, 1)} | ${fmt(x.p99, 1)} | ${x.startups.map((v) => fmt(v / 1000, 1)).join(' / ')} | ${fmt(x.rss / 1024)} |\n`;
  }
  out += '\n| server | server busy (share of its core) | client CPU µs/connection | tickets/connection | first pass over all names (cold): CPU µs/handshake | second pass | handshakes checked (runs) | errors | wrong certificates | load average per run |\n';
  out += '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n';
  for (const s of servers) {
    const x = stats[s];
    out += `| ${names[s] ?? s} | ${fmt(x.busy === null ? null : x.busy * 100)} % | ${fmt(x.clientCpu)} | ${fmt(x.tickets, 1)} | ${fmt(x.warmCpu)} (${fmt(x.warmOk)} handshakes) | ${fmt(x.warm2Cpu)} | ${fmt(x.ok)} | ${x.errors} | ${x.wrong} | ${x.load} |\n`;
  }
  out += '\n';
}
process.stdout.write(out);
