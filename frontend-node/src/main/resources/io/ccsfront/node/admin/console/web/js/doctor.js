// Doctor: findings grouped by severity, each with the objects it names and the command that fixes it.
import { api } from './api.js';
import { field, fill, h, showError } from './dom.js';
import { thumb } from './format.js';

const SEVERITIES = [['ERROR', 'Errors', 'bad'], ['WARNING', 'Warnings', 'warn'], ['INFO', 'Information', 'muted']];

export default function doctor(ctx) {
  const days = field('Expiring within (days)', { name: 'expiringWithin', id: 'doctor-days', value: '30', inputmode: 'numeric' });
  const out = h('div', { id: 'doctor-result', 'aria-live': 'polite' });

  function finding(f) {
    const objects = [['site', f.site], ['binding', f.binding], ['host', f.hostname]].filter(([, v]) => v)
      .map(([k, v]) => h('span', { class: 'obj' }, `${k} ${v}`));
    const copy = h('button', { type: 'button', class: 'link', onclick: async () => {
      try {
        await navigator.clipboard.writeText(f.fix);
        copy.textContent = 'copied';
      } catch (e) {
        copy.textContent = 'select and copy';
      }
    } }, 'copy fix');
    return h('li', { class: 'finding', 'data-code': f.code },
      h('h4', {}, f.code), h('p', { class: 'objects' }, objects, f.thumbprint ? [' certificate ', thumb(f.thumbprint)] : null),
      h('p', {}, f.message),
      f.fix ? h('div', { class: 'fix' }, h('span', { class: 'muted' }, 'Fix: '), h('code', {}, f.fix), ' ', copy) : null);
  }

  async function load() {
    showError(form, null);
    try {
      const d = await api.get('/doctor', { expiringWithin: days.input.value.trim() });
      fill(out, h('p', { class: 'summary' }, `${d.errors} error(s), ${d.warnings} warning(s), ${d.infos} info(s) at configuration version ${d.version}.`),
        SEVERITIES.map(([sev, title, kind]) => {
          const fs = d.findings.filter((f) => f.severity === sev);
          return h('section', { class: `severity severity-${kind}`, 'data-severity': sev, 'aria-labelledby': `sev-${sev}` },
            h('h2', { id: `sev-${sev}` }, `${title} (${fs.length})`),
            fs.length ? h('ul', { class: 'findings' }, fs.map(finding)) : h('p', { class: 'muted' }, 'none'));
        }));
    } catch (err) {
      showError(form, err);
    }
  }

  const form = h('form', { id: 'doctor-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    load();
  } }, days, h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit' }, 'Examine'));
  const element = h('div', { class: 'page', id: 'page-doctor' }, h('h1', {}, 'Doctor'),
    h('p', {}, 'Binding conflicts, name mismatches, expiring or unusable certificates, self-signed defaults serving real names, shadowed bindings.'),
    h('section', { class: 'card' }, form), out);
  load();
  return { title: 'Doctor', element, refresh: load };
}
