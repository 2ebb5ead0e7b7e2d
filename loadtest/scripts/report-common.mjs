// Shared by bench-report.mjs and side-by-side-report.mjs: reading results.jsonl of one or more
// invocations, medians, number formatting, server CPU per handshake.
import fs from 'node:fs';
import path from 'node:path';

/** The runs of every directory (tagged with the invocation's index) and their environment texts. */
export function readResults(dirs) {
  const lines = dirs.flatMap((dir, i) => fs.readFileSync(path.join(dir, 'results.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => ({ ...JSON.parse(l), invocation: i })));
  const env = dirs.map((dir) => (fs.existsSync(path.join(dir, 'environment.txt')) ? fs.readFileSync(path.join(dir, 'environment.txt'), 'utf8') : ''))
    .filter(Boolean).join('\n');
  return { lines, env };
}

export const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const fmt = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
/** Server CPU per successful handshake, in µs. */
export const cpuUs = (r) => (r.client.ok ? (r.serverTicks / r.tick) * 1e6 / r.client.ok : null);
