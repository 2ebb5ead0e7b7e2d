// Cluster: every member with its configuration version, readiness and certificate cache figures
// (re-read every few seconds while shown, and at once when the configuration changes).
import { api } from './api.js';
import { fill, h, table } from './dom.js';
import { badge, list } from './format.js';

const EVERY_MS = 5000;

export default function cluster(ctx) {
  const out = h('div', { id: 'cluster-result', 'aria-live': 'polite' });
  let timer = null;
  let disposed = false;

  async function load() {
    clearTimeout(timer);
    try {
      const c = await api.get('/cluster');
      const newest = Math.max(...c.members.map((m) => m.configVersion));
      const rows = c.members.map((m) => {
        const n = m.node || {};
        const cache = n.cache || {};
        return { attrs: { 'data-member': m.name }, cells: [
          h('strong', {}, m.name, m.self ? ' (this node)' : ''),
          m.reachable ? badge('reachable', 'ok') : badge(`unreachable: ${m.error || ''}`, 'bad'),
          h('span', {}, String(m.configVersion), m.configVersion < newest ? badge('behind', 'warn') : ''),
          n.ready === undefined ? '' : n.ready ? badge('ready', 'ok') : badge('not ready', 'bad'),
          n.cache ? `${cache.size} cached, hit rate ${(cache.hitRate * 100).toFixed(1)} %, ${cache.builds} builds (avg ${cache.averageBuildMicros} µs), ${cache.evictions} evictions, ${cache.invalidations} invalidations, ${cache.unusableKeys} unusable keys` : '',
          list(m.httpsEndpoints),
          n.softwareVersion ? `${n.softwareVersion}, up ${Math.round(n.uptimeSeconds / 60)} min` : '',
          h('code', {}, m.adminUrl)] };
      });
      fill(out, h('p', {}, `${c.members.length} member(s); this node is ${c.self}; its configuration version ${c.version}.`),
        table('Members', ['Member', 'Admin API', 'Config version', 'Ready', 'Certificate cache', 'HTTPS endpoints', 'Software', 'Admin URL'], rows));
    } catch (e) {
      ctx.notify(e.message, 'bad');
    }
    if (!disposed) timer = setTimeout(load, EVERY_MS);
  }

  const element = h('div', { class: 'page', id: 'page-cluster' }, h('h1', {}, 'Cluster'),
    h('p', {}, 'Each member as its own admin API reports it (asked with your session\'s token). Re-read every 5 s.'), out);
  load();
  return { title: 'Cluster', element, refresh: load, dispose: () => { disposed = true; clearTimeout(timer); } };
}
