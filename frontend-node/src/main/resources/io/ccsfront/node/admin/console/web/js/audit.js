// Audit log: every committed change and export (time, node, actor, version, type, change),
// filtered by actor, type and object (a thumbprint, a binding, a site, a hostname…).
import { api } from './api.js';
import { field, fill, h, table } from './dom.js';
import { date } from './format.js';

export default function audit(ctx) {
  const entries = [];
  const actor = field('Actor', { tag: 'select', name: 'actor', id: 'audit-actor', options: [{ value: '', label: 'everyone' }] });
  const type = field('Type', { tag: 'select', name: 'type', id: 'audit-type', options: [{ value: '', label: 'every type' }] });
  const object = field('Object', { name: 'object', id: 'audit-object', autocomplete: 'off', placeholder: 'thumbprint, binding, site, hostname' },
    'Shows entries whose change or thumbprints contain this text.');
  const limit = field('Entries read', { tag: 'select', name: 'limit', id: 'audit-limit', options: ['200', '1000', '5000'] });
  const out = h('div', { id: 'audit-result' });

  const options = (sel, values, all) => {
    const keep = sel.value;
    fill(sel, h('option', { value: '' }, all), [...values].sort().map((v) => h('option', { value: v }, v)));
    sel.value = keep;
  };

  function render() {
    const a = actor.input.value;
    const t = type.input.value;
    const o = object.input.value.trim().toLowerCase();
    const shown = entries.filter((e) => (!a || e.actor === a) && (!t || e.type === t)
      && (!o || [e.change, e.thumbprint, ...(e.oldThumbprints || []), ...(e.newThumbprints || [])].some((x) => x && x.toLowerCase().includes(o))));
    const rows = shown.slice().reverse().map((e) => ({ attrs: { 'data-actor': e.actor || '' }, cells: [date(e.time), e.node || '', e.actor || '', String(e.version ?? ''), e.type || '', e.change || e.unreadable || ''] }));
    fill(out, table(`${shown.length} of ${entries.length} entries, newest first`, ['Time', 'Node', 'Actor', 'Version', 'Type', 'Change'], rows, 'no entries match'));
  }

  async function load() {
    try {
      const r = await api.get('/audit', { limit: limit.input.value });
      entries.splice(0, entries.length, ...r.entries);
      options(actor.input, new Set(entries.map((e) => e.actor).filter(Boolean)), 'everyone');
      options(type.input, new Set(entries.map((e) => e.type).filter(Boolean)), 'every type');
      render();
    } catch (e) {
      ctx.notify(e.message, 'bad');
    }
  }

  for (const f of [actor, type]) f.input.addEventListener('change', render);
  object.input.addEventListener('input', render);
  limit.input.addEventListener('change', load);
  const element = h('div', { class: 'page', id: 'page-audit' }, h('h1', {}, 'Audit log'),
    h('form', { class: 'card filters', id: 'audit-filters', novalidate: true, onsubmit: (e) => e.preventDefault() }, h('div', { class: 'grid' }, actor, type, object, limit)), out);
  load();
  return { title: 'Audit log', element, refresh: load };
}
