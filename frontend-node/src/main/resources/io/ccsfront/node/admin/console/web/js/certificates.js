// Certificates: every store and the CCS (subject, names, issuer, expiry, key, where bound, which
// sites), import by drop, password-protected export, delete with dependants shown first, and the
// certificate request wizard (create, download the CSR, complete with the CA's response).
import { api, enc } from './api.js';
import { checkbox, dialog, download, field, fill, h, showError, table } from './dom.js';
import { cn, date, expiry, fromBase64, list, thumb, toBase64 } from './format.js';
import { dropZone } from './upload.js';

const KEYS = ['ec:p256', 'ec:p384', 'rsa:2048', 'rsa:3072', 'rsa:4096'];

export default function certificates(ctx) {
  const data = { stores: [], certs: [], ccs: [], serving: [], requests: [] };
  const storesEl = h('div', { id: 'stores' });
  const ccsEl = h('div', { id: 'ccs' });
  const pendingEl = h('div', { id: 'pending' });
  const storeList = h('datalist', { id: 'store-names' });

  const sitesServedBy = (pred) => data.serving.filter(pred).map((s) => `${s.site} (${s.binding})`);

  // ---- import -------------------------------------------------------------------------------
  const importResult = h('div', { class: 'result', id: 'import-result', 'aria-live': 'polite' });
  const drop = dropZone('Certificate file', 'file', 'Drop a PFX/P12, PEM (chain and key), CER/DER or P7B file here, or choose one.');
  const keyDrop = dropZone('Private key file (CCS .crt + .key pair only)', 'key', 'Only when the certificate file has no key.');
  const toCcs = checkbox('Put it into the Central Certificate Store (by hostname) instead of a store', { name: 'toCcs', id: 'import-to-ccs' });
  const store = field('Store', { name: 'store', id: 'import-store', value: 'MY', list: 'store-names', autocomplete: 'off' },
    'MY, WebHosting or another name (a new store is created).');
  const host = field('CCS hostname', { name: 'hostname', id: 'import-hostname', placeholder: 'www.contoso.com or *.contoso.com' });
  const password = field('PFX password', { name: 'password', id: 'import-password', type: 'password', autocomplete: 'off' });
  const syncTarget = () => {
    host.hidden = !toCcs.input.checked;
    keyDrop.hidden = !toCcs.input.checked;
    store.hidden = toCcs.input.checked;
  };
  toCcs.input.addEventListener('change', syncTarget);
  const importForm = h('form', { id: 'import-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    showError(importForm, null);
    const file = drop.file();
    if (!file) {
      showError(importForm, { field: 'file', message: 'choose or drop a certificate file' });
      return;
    }
    const body = { file: toBase64(await file.arrayBuffer()), fileName: file.name, password: password.input.value };
    try {
      let r;
      if (toCcs.input.checked) {
        if (keyDrop.file()) body.key = toBase64(await keyDrop.file().arrayBuffer());
        r = await api.put(`/ccs/${enc(host.input.value.trim())}`, body);
        ctx.notify(`Imported ${r.thumbprint} as CCS entry ${r.key} (version ${r.version}).`, 'ok');
      } else {
        body.store = store.input.value.trim() || 'MY';
        r = await api.post('/certificates', body);
        ctx.notify(`Imported ${r.thumbprint} into store ${r.store} (version ${r.version}).`, 'ok');
      }
      password.input.value = '';
      drop.reset();
      keyDrop.reset();
      fill(importResult, h('p', {}, 'Imported ', thumb(r.thumbprint), ` (${cn(r.certificate.subject)})`),
        r.warnings.length ? h('div', { class: 'warnings', role: 'alert' }, h('p', {}, 'Warnings:'),
          list(r.warnings, (w) => `${w.code}: ${w.message}`)) : h('p', {}, 'No warnings.'));
      await load();
    } catch (err) {
      showError(importForm, err);
    }
  } },
  drop, toCcs, store, host, keyDrop, password,
  h('p', { class: 'form-error', role: 'alert' }),
  h('button', { type: 'submit' }, 'Import'), importResult);
  syncTarget();

  // ---- tables -------------------------------------------------------------------------------
  function certRow(c, extraFirst, actions, sites) {
    return [
      ...(extraFirst || []),
      h('div', {}, h('div', {}, c.subject), thumb(c.thumbprint)),
      list(c.names.concat(c.ipAddresses || [])),
      cn(c.issuer) + (c.selfSigned ? ' (self-signed)' : ''),
      expiry(c.notAfter),
      h('span', {}, c.key, c.hasPrivateKey ? '' : h('span', { class: 'badge badge-bad' }, 'no private key')),
      ...(c.bindings ? [list(c.bindings)] : []),
      list(sites),
      h('div', { class: 'row-actions' }, actions),
    ];
  }

  function renderStores() {
    const names = data.stores.length ? data.stores : ['MY', 'WebHosting'];
    fill(storeList, names.map((n) => h('option', { value: n })));
    fill(storesEl, names.map((name) => {
      const rows = data.certs.filter((c) => c.store === name).map((c) => certRow(c, null, [
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Export ${cn(c.subject)} ${c.thumbprint}`, onclick: () => exportDialog(c) }, 'Export…'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${cn(c.subject)} ${c.thumbprint} from ${name}`, onclick: () => deleteDialog(c) }, 'Delete…'),
      ], sitesServedBy((s) => s.thumbprint === c.thumbprint)));
      return h('section', { class: 'store', 'data-store': name },
        table(`Store ${name}`, ['Subject and thumbprint', 'Names', 'Issuer', 'Expires', 'Key', 'Bound to', 'Serves sites', 'Actions'], rows,
          'no certificates in this store'));
    }));
  }

  function renderCcs() {
    const rows = data.ccs.map((c) => certRow(c, [h('strong', {}, c.name)], [
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Export CCS ${c.name}`, onclick: () => exportDialog(c) }, 'Export…'),
      h('button', { type: 'button', class: 'danger', 'aria-label': `Delete CCS ${c.name}`, onclick: () => deleteCcsDialog(c) }, 'Delete…'),
    ], sitesServedBy((s) => s.source === `CCS ${c.key}`)));
    fill(ccsEl, table('Central Certificate Store', ['Hostname', 'Subject and thumbprint', 'Names', 'Issuer', 'Expires', 'Key', 'Serves sites', 'Actions'],
      rows, 'no CCS entries'));
  }

  // ---- export and delete --------------------------------------------------------------------
  function exportDialog(c) {
    const pw = field('Password', { type: 'password', name: 'password', autocomplete: 'new-password' });
    const pw2 = field('Repeat the password', { type: 'password', name: 'password2', autocomplete: 'new-password' });
    const out = h('div', { class: 'result', 'aria-live': 'polite' });
    const form = h('form', { novalidate: true, onsubmit: (e) => e.preventDefault() }, pw, pw2, h('p', { class: 'form-error', role: 'alert' }), out);
    return dialog(`Export ${cn(c.subject)}`, [
      h('p', {}, 'The PFX carries the private key, encrypted with this password (PBES2, AES-256). Every export is recorded in the audit log.'),
      h('p', {}, thumb(c.thumbprint)), form], [
      { label: 'Export', run: async () => {
        showError(form, null);
        if (!pw.input.value) {
          showError(form, { field: 'password', message: 'an export always needs a password' });
          return true;
        }
        if (pw.input.value !== pw2.input.value) {
          showError(form, { field: 'password2', message: 'the two passwords differ' });
          return true;
        }
        try {
          const r = await api.post(`/certificates/${c.thumbprint}/export`, { password: pw.input.value });
          pw.input.value = '';
          pw2.input.value = '';
          fill(out, download(r.fileName, fromBase64(r.pfx), 'application/x-pkcs12'));
          ctx.notify(`Exported ${c.thumbprint} as a password-protected PFX.`, 'ok');
        } catch (err) {
          showError(form, err);
        }
        return true;
      } },
      { label: 'Close', class: 'secondary', value: null },
    ]);
  }

  async function deleteDialog(c) {
    let detail;
    try {
      detail = await api.get(`/certificates/${c.thumbprint}`);
    } catch (err) {
      ctx.notify(err.message, 'bad');
      return;
    }
    const bound = detail.bindings.filter(() => true);
    const sites = sitesServedBy((s) => s.thumbprint === c.thumbprint);
    const result = h('p', { class: 'form-error', role: 'alert' });
    await dialog(`Delete ${cn(c.subject)} from ${c.store}?`, [
      h('p', {}, thumb(c.thumbprint)),
      h('h3', {}, 'What depends on it'),
      h('dl', { class: 'deps' },
        h('dt', {}, 'SSL bindings naming it'), h('dd', {}, list(bound)),
        h('dt', {}, 'CCS entries holding it'), h('dd', {}, list(detail.ccsKeys)),
        h('dt', {}, 'Site bindings it serves'), h('dd', {}, list(sites)),
        h('dt', {}, 'Stores holding it'), h('dd', {}, list(detail.stores))),
      bound.length ? h('p', { class: 'error' }, 'Deleting is refused while SSL bindings name it: delete those bindings, or rotate them to another certificate first.') : null,
      result,
    ], [
      { label: 'Delete', class: 'danger', disabled: bound.length > 0, run: async () => {
        try {
          const r = await api.del(`/certificates/${c.thumbprint}`, { store: c.store });
          ctx.notify(`Deleted ${r.deleted} from ${c.store} (version ${r.version}).`, 'ok');
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

  async function deleteCcsDialog(c) {
    const sites = sitesServedBy((s) => s.source === `CCS ${c.key}`);
    const result = h('p', { class: 'form-error', role: 'alert' });
    await dialog(`Delete the CCS entry ${c.name}?`, [
      h('p', {}, thumb(c.thumbprint)),
      h('h3', {}, 'Site bindings served from this entry'), list(sites),
      sites.length ? h('p', { class: 'error' }, 'These site bindings will get another level\'s certificate, or none, after the delete.') : null,
      result,
    ], [
      { label: 'Delete', class: 'danger', run: async () => {
        try {
          const r = await api.del(`/ccs/${enc(c.key)}`);
          ctx.notify(`Deleted CCS entry ${r.deleted} (version ${r.version}).`, 'ok');
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

  // ---- certificate requests -----------------------------------------------------------------
  const csrOut = h('div', { id: 'csr-created', class: 'result', 'aria-live': 'polite' });
  const f = (label, name, extra, help) => field(label, { name, id: `csr-${name}`, autocomplete: 'off', ...extra }, help);
  const csrForm = h('form', { id: 'csr-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    showError(csrForm, null);
    const v = (n) => csrForm.querySelector(`[name="${n}"]`).value.trim();
    const body = { cn: v('cn'), o: v('o'), ou: v('ou'), l: v('l'), st: v('st'), c: v('c'), key: v('key'),
      sans: v('sans').split(',').map((s) => s.trim()).filter(Boolean) };
    for (const k of ['o', 'ou', 'l', 'st', 'c']) if (!body[k]) delete body[k];
    try {
      const r = await api.post('/certificate-requests', body);
      ctx.notify(`Certificate request ${r.id} created (version ${r.version}).`, 'ok');
      fill(csrOut, h('h3', {}, 'Step 2: send the request to your CA'),
        h('p', {}, `Request ${r.id} for ${r.subject}; its private key waits, sealed, in the cluster.`),
        h('label', { for: 'csr-pem' }, 'Certificate signing request (PEM)'),
        h('textarea', { id: 'csr-pem', readonly: true, rows: 8, class: 'pem', value: r.csr }),
        download(`${body.cn.replace(/\*/g, '_')}.csr`, r.csr, 'application/pkcs10'));
      await load();
    } catch (err) {
      showError(csrForm, err);
    }
  } },
  h('div', { class: 'grid' },
    f('Common name (CN)', 'cn', { required: true, placeholder: 'www.contoso.com' }),
    f('DNS names (SANs)', 'sans', { placeholder: 'www.contoso.com, contoso.com' }, 'Comma-separated.'),
    f('Organization (O)', 'o'), f('Organizational unit (OU)', 'ou'), f('City (L)', 'l'), f('State (ST)', 'st'),
    f('Country (C)', 'c', { maxlength: 2, placeholder: 'US' }),
    field('Key', { tag: 'select', name: 'key', id: 'csr-key', options: KEYS })),
  h('p', { class: 'form-error', role: 'alert' }),
  h('button', { type: 'submit' }, 'Create request'));

  const completeDrop = dropZone('The CA\'s response', 'file', 'The issued certificate: CER/DER, PEM or P7B. It is matched to its request by public key.');
  const completeStore = field('Store', { name: 'store', id: 'complete-store', value: 'MY', list: 'store-names', autocomplete: 'off' });
  const completeOut = h('div', { class: 'result', id: 'complete-result', 'aria-live': 'polite' });
  const completeForm = h('form', { id: 'complete-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    showError(completeForm, null);
    const file = completeDrop.file();
    if (!file) {
      showError(completeForm, { field: 'file', message: 'choose or drop the issued certificate' });
      return;
    }
    try {
      const r = await api.post('/certificate-requests/complete', { file: toBase64(await file.arrayBuffer()), fileName: file.name,
        store: completeStore.input.value.trim() || 'MY' });
      completeDrop.reset();
      fill(completeOut, h('p', {}, 'Installed ', thumb(r.thumbprint), ` in store ${r.store} with its key (request ${r.requestId}).`));
      ctx.notify(`Request completed: ${r.thumbprint} (version ${r.version}).`, 'ok');
      await load();
    } catch (err) {
      showError(completeForm, err);
    }
  } }, completeDrop, completeStore, h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit' }, 'Complete request'), completeOut);

  function renderPending() {
    const rows = data.requests.map((p) => [p.id, p.subject, list(p.sans), p.key, date(p.created), h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'secondary', onclick: async (e) => {
        const r = await api.get(`/certificate-requests/${p.id}`);
        e.target.replaceWith(download(`${cn(p.subject).replace(/\*/g, '_')}.csr`, r.csr, 'application/pkcs10'));
      } }, 'Get CSR'),
      h('button', { type: 'button', class: 'danger', 'aria-label': `Delete request ${p.id}`, onclick: async () => {
        const ok = await dialog(`Delete request ${p.id}?`, [h('p', {}, 'Its sealed private key is discarded; the CA\'s response can then no longer be completed.')],
          [{ label: 'Delete', class: 'danger', value: true }, { label: 'Cancel', class: 'secondary', value: null }]);
        if (ok) {
          await api.del(`/certificate-requests/${p.id}`);
          await load();
        }
      } }, 'Delete…'))]);
    fill(pendingEl, table('Pending certificate requests', ['ID', 'Subject', 'Names', 'Key', 'Created', 'Actions'], rows, 'no pending requests'));
  }

  async function load() {
    const [certs, ccs, serving, requests] = await Promise.all([api.get('/certificates'), api.get('/ccs'), api.get('/serving'),
      api.get('/certificate-requests')]);
    data.stores = certs.stores;
    data.certs = certs.certificates;
    data.ccs = ccs.entries;
    data.serving = serving.siteBindings;
    data.requests = requests.requests;
    renderStores();
    renderCcs();
    renderPending();
  }

  const element = h('div', { class: 'page', id: 'page-certificates' },
    h('h1', {}, 'Certificates'),
    storeList,
    h('section', { 'aria-labelledby': 'import-h', class: 'card' }, h('h2', { id: 'import-h' }, 'Import a certificate'), importForm),
    h('h2', {}, 'Certificate stores'), storesEl,
    h('h2', {}, 'Central Certificate Store'), ccsEl,
    h('section', { 'aria-labelledby': 'csr-h', class: 'card' },
      h('h2', { id: 'csr-h' }, 'Certificate request wizard'),
      h('h3', {}, 'Step 1: create the request'), csrForm, csrOut,
      h('h3', {}, 'Step 3: complete the request with the CA\'s response'), completeForm,
      pendingEl));
  load().catch((e) => ctx.notify(e.message, 'bad'));
  return { title: 'Certificates', element, refresh: () => load().catch((e) => ctx.notify(e.message, 'bad')) };
}
