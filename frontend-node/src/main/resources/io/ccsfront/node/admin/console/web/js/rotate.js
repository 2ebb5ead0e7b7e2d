// Rotate OLD -> NEW: the dry run's affected bindings, CCS entries and sites with its warnings
// first, then the one atomic change (at the version the dry run was computed from), then the
// proof as it comes in: every member's applied version and the certificate each affected
// binding now selects.
import { api } from './api.js';
import { checkbox, field, fill, h, showError, table } from './dom.js';
import { badge, cn, list, thumb } from './format.js';

const PROOF_WAIT_MS = 60000;

function explainTarget(p) {
  let ip = p.ip;
  if (!ip) ip = '127.0.0.1';
  if (ip === '0.0.0.0') ip = '127.0.0.1';
  if (ip === '::') ip = '::1';
  return { ip, port: p.port, sni: p.sni || undefined };
}

export default function rotate(ctx) {
  const fromSel = field('Old certificate (OLD)', { tag: 'select', name: 'from', id: 'rotate-from', options: [] });
  const toSel = field('New certificate (NEW)', { tag: 'select', name: 'to', id: 'rotate-to', options: [] });
  const planEl = h('div', { id: 'rotate-plan', 'aria-live': 'polite' });
  const proofEl = h('div', { id: 'rotate-proof', 'aria-live': 'polite' });
  let timer = null;
  let disposed = false;

  const option = (c, where) => h('option', { value: c.thumbprint }, `${cn(c.subject)} — ${c.thumbprint} (${where}${c.bindings && c.bindings.length ? `, bound: ${c.bindings.join(', ')}` : ''})`);

  async function loadChoices() {
    const [certs, ccs] = await Promise.all([api.get('/certificates'), api.get('/ccs')]);
    const keepFrom = fromSel.input.value;
    const keepTo = toSel.input.value;
    const seen = new Set();
    const all = [];
    for (const c of certs.certificates) if (!seen.has(c.thumbprint)) { seen.add(c.thumbprint); all.push([c, `store ${c.store}`]); }
    for (const c of ccs.entries) if (!seen.has(c.thumbprint)) { seen.add(c.thumbprint); all.push([c, `CCS ${c.name}`]); }
    const bound = all.filter(([c, w]) => (c.bindings && c.bindings.length) || w.startsWith('CCS'));
    fill(fromSel.input, bound.map(([c, w]) => option(c, w)));
    fill(toSel.input, all.map(([c, w]) => option(c, w)));
    if (keepFrom) fromSel.input.value = keepFrom;
    if (keepTo) toSel.input.value = keepTo;
  }

  const form = h('form', { id: 'rotate-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    showError(form, null);
    fill(proofEl);
    try {
      const plan = await api.post('/rotate', { from: fromSel.input.value, to: toSel.input.value, dryRun: true });
      showPlan(plan);
    } catch (err) {
      fill(planEl);
      showError(form, err);
    }
  } }, h('div', { class: 'grid wide' }, fromSel, toSel), h('p', { class: 'form-error', role: 'alert' }),
  h('button', { type: 'submit' }, 'Preview (dry run)'));

  function showPlan(plan) {
    const force = checkbox('I have read the warnings; rotate anyway (force)', { name: 'force', id: 'rotate-force' });
    const err = h('p', { class: 'form-error', role: 'alert' });
    const go = h('button', { type: 'button', id: 'rotate-confirm', class: 'danger', disabled: plan.warnings.length > 0, onclick: async () => {
      go.disabled = true;
      try {
        const r = await api.post('/rotate', { from: plan.from, to: plan.to, force: force.input.checked, expectedVersion: plan.version });
        ctx.notify(`Rotated ${plan.from} to ${plan.to} in version ${r.version}.`, 'ok');
        fill(planEl);
        prove(r);
      } catch (e) {
        go.disabled = false;
        err.textContent = e.code === 'stale_version'
          ? `The configuration changed since the preview (now version ${e.body.actual}); preview again. [412 stale_version]`
          : `${e.message} [${e.status} ${e.code}]`;
      }
    } }, `Rotate ${plan.from.slice(0, 8)}… to ${plan.to.slice(0, 8)}… now`);
    force.input.addEventListener('change', () => {
      go.disabled = plan.warnings.length > 0 && !force.input.checked;
    });
    fill(planEl, h('section', { class: 'card', 'aria-labelledby': 'plan-h' },
      h('h2', { id: 'plan-h' }, `Dry run at configuration version ${plan.version}`),
      h('p', {}, 'Rotating ', thumb(plan.from), ' to ', thumb(plan.to), ` (${plan.toLabel}) changes, in one atomic step:`),
      table('Affected', ['What', 'Which'], [
        ...plan.bindings.map((b) => ['SSL binding', `${b.key} (store ${b.certstorename})`]),
        ...plan.ccsKeys.map((k) => ['CCS entry', k]),
        ...plan.sites.map((s) => ['Site binding', `${s.site} ${s.binding}`]),
      ], 'nothing'),
      plan.warnings.length
        ? h('div', { class: 'warnings', role: 'alert' }, h('h3', {}, `${plan.warnings.length} warning(s)`), list(plan.warnings, (w) => `${w.code}: ${w.message}`), force)
        : h('p', { class: 'ok-text' }, 'No warnings.'),
      err, go));
    go.focus();
  }

  function prove(result) {
    const started = Date.now();
    const membersEl = h('div', {});
    const probesEl = h('div', {});
    const statusEl = h('p', { class: 'proof-status' }, 'Waiting for every member to apply the change…');
    fill(proofEl, h('section', { class: 'card', 'aria-labelledby': 'proof-h' },
      h('h2', { id: 'proof-h' }, `Rotated in configuration version ${result.version}`),
      h('p', {}, `${result.bindings.length} SSL binding(s), ${result.ccsKeys.length} CCS entr(ies), ${result.sites.length} site binding(s) now name `, thumb(result.to), '.'),
      statusEl, membersEl, probesEl,
      h('p', { class: 'help' }, 'Members are asked for the configuration version they serve; each affected binding is explained on this node. '
        + 'For real handshakes against every node run: ccsctl cluster status --sni <name>.')));
    const tick = async () => {
      if (disposed) return;
      let done = true;
      try {
        const cluster = await api.get('/cluster');
        const rows = cluster.members.map((m) => {
          const applied = m.reachable && m.configVersion >= result.version;
          done = done && applied;
          return { attrs: { 'data-member': m.name }, cells: [m.name + (m.self ? ' (this node)' : ''), String(m.configVersion),
            applied ? badge('applied', 'ok') : badge(m.reachable ? 'waiting' : `unreachable: ${m.error || ''}`, m.reachable ? 'warn' : 'bad')] };
        });
        fill(membersEl, table('Members', ['Member', 'Configuration version', `Version ${result.version}`], rows));
        const probeRows = await Promise.all(result.probes.map(async (p) => {
          const t = explainTarget(p);
          const d = await api.get('/explain', t);
          const ok = d.thumbprint === result.to;
          done = done && ok;
          return { attrs: { 'data-probe': p.target }, cells: [p.target, `${t.ip}:${t.port}${t.sni ? ` SNI ${t.sni}` : ''}`,
            d.thumbprint ? thumb(d.thumbprint) : d.outcome, ok ? badge('NEW', 'ok') : badge(d.thumbprint === result.from ? 'OLD' : 'other', 'bad')] };
        }));
        fill(probesEl, table('Affected bindings on this node (explain)', ['Binding', 'Explained for', 'Selected', 'Serves'], probeRows));
      } catch (e) {
        done = false;
        statusEl.textContent = `Proof incomplete: ${e.message}`;
      }
      if (done) {
        statusEl.textContent = `Proven: every member applied version ${result.version} and every affected binding selects NEW (${((Date.now() - started) / 1000).toFixed(1)} s).`;
        statusEl.className = 'proof-status ok-text';
      } else if (Date.now() - started > PROOF_WAIT_MS) {
        statusEl.textContent = `Not proven within ${PROOF_WAIT_MS / 1000} s: see the members and bindings above.`;
        statusEl.className = 'proof-status error';
      } else {
        timer = setTimeout(tick, 1000);
      }
    };
    tick();
  }

  const element = h('div', { class: 'page', id: 'page-rotate' },
    h('h1', {}, 'Rotate a certificate'),
    h('p', {}, 'Replaces OLD by NEW in every SSL binding and CCS entry that holds it, in one change: there is no moment without a certificate. '
      + 'The dry run shows what changes and what could break; the rotation commits only at the version the dry run saw.'),
    h('section', { class: 'card' }, form), planEl, proofEl);
  loadChoices().catch((e) => ctx.notify(e.message, 'bad'));
  return {
    title: 'Rotate',
    element,
    refresh: () => loadChoices().catch((e) => ctx.notify(e.message, 'bad')),
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
