// Bindings and sites: SSL bindings in the netsh layout (add, edit, delete with dependants), site
// bindings with sslFlags and the certificate each gets, web workers with their health.
import { api, enc } from './api.js';
import { checkbox, dialog, field, fill, h, showError, table } from './dom.js';
import { badge, list, sslFlags, thumb } from './format.js';

const KIND_LABEL = { ipport: 'IP:port', hostnameport: 'Hostname:port', ccs: 'Central Certificate Store' };

function kindValue(b) {
  if (b.kind === 'ipport') return b.ipport;
  if (b.kind === 'hostnameport') return b.hostnameport;
  return String(b.ccs);
}

/** The SSL binding form (add, or edit with {@code b}); the netsh words are the field names, so the API's errors land on them. */
function bindingForm(b, certs, onDone) {
  const kind = field('Binding type', { tag: 'select', name: 'kind', options: Object.keys(KIND_LABEL).map((k) => ({ value: k, label: `${k} (${KIND_LABEL[k]})`, selected: b && b.kind === k })), disabled: !!b });
  const value = field('Address', { name: 'ipport', autocomplete: 'off', value: b ? kindValue(b) : '', disabled: !!b, placeholder: '0.0.0.0:443' });
  const certhash = field('Certificate hash (certhash)', { name: 'certhash', autocomplete: 'off', list: 'cert-hashes', value: b ? b.certhash || '' : '', class: 'mono' },
    '40 hex digits; choose from the stores or paste as certutil prints it.');
  const store = field('Certificate store (certstorename)', { name: 'certstorename', value: b ? b.certstorename || 'MY' : 'MY' });
  const appid = field('Application ID (appid)', { name: 'appid', autocomplete: 'off', value: b ? b.appid || '' : '', placeholder: '{4dc3e181-e14b-4a21-b022-59fc669b0914}' });
  const tls = field('Minimum TLS version (mintlsversion)', { tag: 'select', name: 'mintlsversion', options: ['1.2', '1.3'].map((v) => ({ value: v, label: v, selected: b && b.mintlsversion === v })) });
  const ccn = checkbox('Negotiate client certificate (clientcertnegotiation)', { name: 'clientcertnegotiation', checked: b && b.clientcertnegotiation });
  const h2 = checkbox('Disable HTTP/2 (disablehttp2)', { name: 'disablehttp2', checked: b && b.http2 === false });
  const syncKind = () => {
    const k = kind.input.value;
    value.input.name = k;
    value.querySelector('label').textContent = KIND_LABEL[k];
    value.input.placeholder = { ipport: '0.0.0.0:443 or [::]:443 or 10.0.0.5:443', hostnameport: 'www.contoso.com:443', ccs: '443' }[k];
    for (const x of [certhash, store, appid]) x.hidden = k === 'ccs';
  };
  kind.input.addEventListener('change', syncKind);
  const form = h('form', { class: 'binding-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    showError(form, null);
    const k = kind.input.value;
    const body = { [k]: value.input.value.trim(), mintlsversion: tls.input.value,
      clientcertnegotiation: ccn.input.checked ? 'enable' : 'disable', disablehttp2: h2.input.checked ? 'enable' : 'disable' };
    if (k !== 'ccs') {
      body.certhash = certhash.input.value.trim();
      body.certstorename = store.input.value.trim() || 'MY';
      if (appid.input.value.trim()) body.appid = appid.input.value.trim();
    }
    try {
      const r = b ? await api.put(`/sslcerts/${b.kind}/${enc(kindValue(b))}`, body) : await api.post('/sslcerts', body);
      onDone(r);
    } catch (err) {
      showError(form, err);
    }
  } }, h('div', { class: 'grid' }, kind, value, certhash, store, appid, tls), ccn, h2,
  h('p', { class: 'form-error', role: 'alert' }),
  h('button', { type: 'submit' }, b ? 'Save binding' : 'Add binding'));
  syncKind();
  return form;
}

export default function bindings(ctx) {
  const data = { bindings: [], sites: [], serving: [], workers: [], certs: [] };
  const bindingsEl = h('div', { id: 'ssl-bindings' });
  const sitesEl = h('div', { id: 'sites' });
  const hashes = h('datalist', { id: 'cert-hashes' });

  const added = (what) => async (r) => {
    ctx.notify(`${what} (version ${r.version}).`, 'ok');
    await load();
  };

  function renderBindings() {
    fill(hashes, data.certs.map((c) => h('option', { value: c.thumbprint }, `${c.label} (${c.store})`)));
    const rows = data.bindings.map((b) => ({ attrs: { 'data-binding': b.key }, cells: [
      h('div', {}, h('span', { class: 'muted' }, `${KIND_LABEL[b.kind]}: `), h('strong', {}, kindValue(b))),
      b.certhash ? thumb(b.certhash.toLowerCase()) : '',
      b.certhash ? (b.certificate || h('span', { class: 'badge badge-bad' }, 'not in the store')) : '(the CCS by SNI name)',
      b.certstorename || '',
      b.appid || '(null)',
      b.mintlsversion,
      b.clientcertnegotiation ? 'Enabled' : 'Disabled',
      b.http2 ? 'Not Set' : 'Set',
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${b.key}`, onclick: () => editBinding(b) }, 'Edit…'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${b.key}`, onclick: () => deleteBinding(b) }, 'Delete…')),
    ] }));
    fill(bindingsEl, table('SSL certificate bindings (netsh http show sslcert)',
      ['IP:port / Hostname:port / CCS', 'Certificate Hash', 'Certificate', 'Certificate Store Name', 'Application ID',
        'Minimum TLS Version', 'Negotiate Client Certificate', 'Disable HTTP2', 'Actions'], rows, 'no SSL bindings'),
    h('details', {}, h('summary', {}, 'As netsh commands'),
      h('pre', { class: 'netsh' }, data.bindings.map((b) => `${b.netsh}\n`))));
  }

  async function editBinding(b) {
    const form = bindingForm(b, data.certs, async (r) => {
      form.closest('dialog').close();
      await added(`Updated ${r.binding.key}`)(r);
    });
    await dialog(`Edit ${b.key}`, [form], [{ label: 'Cancel', class: 'secondary', value: null }]);
  }

  async function deleteBinding(b) {
    let detail;
    try {
      detail = await api.get(`/sslcerts/${b.kind}/${enc(kindValue(b))}`);
    } catch (err) {
      ctx.notify(err.message, 'bad');
      return;
    }
    const deps = detail.dependents.map((d) => `${d.site} (${d.binding}) gets its certificate from level ${d.level} (${d.levelName})`);
    const force = checkbox('Delete anyway: these site bindings lose their certificate', { name: 'force' });
    const result = h('p', { class: 'form-error', role: 'alert' });
    await dialog(`Delete ${b.key}?`, [
      h('h3', {}, 'Site bindings that depend on it'), list(deps),
      deps.length ? force : h('p', {}, 'No site binding depends on it.'), result,
    ], [
      { label: 'Delete', class: 'danger', run: async () => {
        try {
          const r = await api.del(`/sslcerts/${b.kind}/${enc(kindValue(b))}`, { force: force.input.checked ? 'true' : undefined });
          ctx.notify(`Deleted ${r.deleted} (version ${r.version}).`, 'ok');
          await load();
          return false;
        } catch (err) {
          result.textContent = `${err.message} [${err.status} ${err.code}]`;
          return true;
        }
      } },
      { label: 'Cancel', class: 'secondary', value: null },
    ]);
  }

  function workerCell(site) {
    const ws = data.workers.filter((w) => w.site === site.name);
    return h('ul', { class: 'plain' }, ws.map((w) => {
      const kind = { healthy: 'ok', ejected: 'bad', 'not used': 'muted', unknown: 'muted' }[w.state] || 'muted';
      return h('li', {}, h('code', {}, w.url), ' ', badge(w.state + (w.consecutiveFailures ? `, ${w.consecutiveFailures} failures` : ''), kind), ' ',
        h('button', { type: 'button', class: 'link', 'aria-label': `Remove worker ${w.url} from ${site.name}`, onclick: async () => {
          try {
            await added(`Removed worker ${w.url}`)(await api.del(`/sites/${enc(site.name)}/workers`, { url: w.url }));
          } catch (err) {
            ctx.notify(err.message, 'bad');
          }
        } }, 'remove'));
    }));
  }

  function bindingCell(site) {
    return h('ul', { class: 'plain' }, site.bindings.map((sb) => {
      const served = data.serving.find((s) => s.site === site.name && s.binding === `${sb.protocol}/${sb.bindingInformation}`);
      return h('li', {}, h('code', {}, `${sb.protocol}/${sb.bindingInformation}`), ' ', sb.protocol === 'https' ? sslFlags(sb.sslFlags) : '',
        served ? h('div', { class: 'served' }, served.thumbprint
          ? [`certificate ${served.certificate} `, thumb(served.thumbprint), ` from level ${served.level} (${served.source})`,
            served.covers ? '' : badge('does not cover the host', 'bad')]
          : badge(`no certificate: ${served.outcome}`, 'bad')) : null,
        ' ',
        h('button', { type: 'button', class: 'link', 'aria-label': `Remove binding ${sb.binding} from ${site.name}`, onclick: async () => {
          try {
            await added(`Removed binding ${sb.binding}`)(await api.del(`/sites/${enc(site.name)}/bindings`, { binding: sb.appcmd }));
          } catch (err) {
            ctx.notify(err.message, 'bad');
          }
        } }, 'remove'));
    }));
  }

  async function addToSite(site, what) {
    const isWorker = what === 'worker';
    const input = field(isWorker ? 'Worker URL' : 'Binding', { name: isWorker ? 'url' : 'binding', autocomplete: 'off',
      placeholder: isWorker ? 'http://10.0.0.7:8080' : 'https/*:443:www.contoso.com' });
    const sni = checkbox('SNI (sslFlags 1)', { name: 'sni' });
    const ccs = checkbox('CCS (sslFlags 2)', { name: 'ccs' });
    const form = h('form', { novalidate: true, onsubmit: (e) => e.preventDefault() }, input, isWorker ? null : [sni, ccs], h('p', { class: 'form-error', role: 'alert' }));
    await dialog(isWorker ? `Add a worker to ${site.name}` : `Add a binding to ${site.name}`, [form], [
      { label: 'Add', run: async () => {
        showError(form, null);
        try {
          const r = isWorker ? await api.post(`/sites/${enc(site.name)}/workers`, { url: input.input.value.trim() })
            : await api.post(`/sites/${enc(site.name)}/bindings`, { binding: input.input.value.trim(), sni: sni.input.checked, ccs: ccs.input.checked });
          await added(`Site ${site.name} changed`)(r);
          return false;
        } catch (err) {
          showError(form, err);
          return true;
        }
      } },
      { label: 'Cancel', class: 'secondary', value: null },
    ]);
  }

  async function deleteSite(site) {
    const ok = await dialog(`Delete site ${site.name}?`, [h('p', {}, `Its ${site.bindings.length} binding(s) and ${site.workers.length} worker(s) go with it; requests for its hosts are then answered 404.`)],
      [{ label: 'Delete', class: 'danger', value: true }, { label: 'Cancel', class: 'secondary', value: null }]);
    if (ok) {
      try {
        await added(`Deleted site ${site.name}`)(await api.del(`/sites/${enc(site.name)}`));
      } catch (err) {
        ctx.notify(err.message, 'bad');
      }
    }
  }

  function renderSites() {
    const rows = data.sites.map((s) => ({ attrs: { 'data-site': s.name }, cells: [String(s.id), h('strong', {}, s.name), bindingCell(s), workerCell(s),
      h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => addToSite(s, 'binding'), 'aria-label': `Add a binding to ${s.name}` }, 'Add binding…'),
        h('button', { type: 'button', class: 'secondary', onclick: () => addToSite(s, 'worker'), 'aria-label': `Add a worker to ${s.name}` }, 'Add worker…'),
        h('button', { type: 'button', class: 'danger', onclick: () => deleteSite(s), 'aria-label': `Delete site ${s.name}` }, 'Delete…'))] }));
    fill(sitesEl, table('Sites (appcmd list site)', ['ID', 'Name', 'Bindings, sslFlags and the certificate served', 'Web workers and health', 'Actions'], rows, 'no sites'));
  }

  const siteForm = (() => {
    const name = field('Site name', { name: 'name', id: 'site-name', autocomplete: 'off' });
    const binding = field('Binding', { name: 'bindings', id: 'site-binding', autocomplete: 'off', placeholder: 'https/*:443:www.contoso.com' },
      'protocol/ip-or-*:port:host, or appcmd\'s [protocol=\'https\',bindingInformation=\'*:443:host\',sslFlags=\'1\']');
    const sni = checkbox('SNI (sslFlags 1)', { name: 'sni', id: 'site-sni' });
    const ccs = checkbox('CCS (sslFlags 2)', { name: 'ccs', id: 'site-ccs' });
    const workers = field('Web workers', { tag: 'textarea', name: 'workers', id: 'site-workers', rows: 2, placeholder: 'http://10.0.0.7:8080' }, 'One URL per line.');
    const form = h('form', { id: 'site-form', novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      showError(form, null);
      try {
        const r = await api.post('/sites', { name: name.input.value.trim(), bindings: binding.input.value.trim() ? [binding.input.value.trim()] : [],
          sni: sni.input.checked, ccs: ccs.input.checked, workers: workers.input.value.split('\n').map((w) => w.trim()).filter(Boolean) });
        form.reset();
        await added(`Added site ${r.site.name} with id ${r.site.id}`)(r);
      } catch (err) {
        showError(form, err);
      }
    } }, h('div', { class: 'grid' }, name, binding, workers), sni, ccs, h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit' }, 'Add site'));
    return form;
  })();

  async function load() {
    const [b, s, serving, workers, certs] = await Promise.all([api.get('/sslcerts'), api.get('/sites'), api.get('/serving'),
      api.get('/workers'), api.get('/certificates')]);
    data.bindings = b.bindings;
    data.sites = s.sites;
    data.serving = serving.siteBindings;
    data.workers = workers.workers;
    data.certs = certs.certificates;
    renderBindings();
    renderSites();
  }

  const element = h('div', { class: 'page', id: 'page-bindings' },
    h('h1', {}, 'Bindings and sites'), hashes,
    h('h2', {}, 'SSL bindings'), bindingsEl,
    h('section', { class: 'card', 'aria-labelledby': 'add-binding-h' }, h('h2', { id: 'add-binding-h' }, 'Add an SSL binding (netsh http add sslcert)'),
      bindingForm(null, data.certs, added('Added the SSL binding'))),
    h('h2', {}, 'Sites'), sitesEl,
    h('section', { class: 'card', 'aria-labelledby': 'add-site-h' }, h('h2', { id: 'add-site-h' }, 'Add a site'), siteForm));
  load().catch((e) => ctx.notify(e.message, 'bad'));
  return { title: 'Bindings and sites', element, refresh: () => load().catch((e) => ctx.notify(e.message, 'bad')) };
}
