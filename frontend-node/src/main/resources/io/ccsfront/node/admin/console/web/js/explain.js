// Explain: for a local IP, port and SNI name, the five selection levels and why each matched or not.
import { api } from './api.js';
import { field, fill, h, showError, table } from './dom.js';
import { badge, thumb } from './format.js';

export default function explain(ctx) {
  const node = ctx.node();
  const https = (node && node.listeners && node.listeners.https && node.listeners.https[0]) || '0.0.0.0:8443';
  const ip = field('Local IP address (the address the client connected to)', { name: 'ip', id: 'explain-ip', value: '127.0.0.1', autocomplete: 'off' });
  const port = field('Port', { name: 'port', id: 'explain-port', value: https.slice(https.lastIndexOf(':') + 1), inputmode: 'numeric', autocomplete: 'off' });
  const sni = field('SNI name (empty: the client sent none)', { name: 'sni', id: 'explain-sni', autocomplete: 'off', placeholder: 'www.contoso.com' });
  const out = h('div', { id: 'explain-result', 'aria-live': 'polite' });
  let last = null;

  async function run() {
    showError(form, null);
    try {
      const d = await api.get('/explain', { ip: ip.input.value.trim(), port: port.input.value.trim(), sni: sni.input.value.trim() });
      last = true;
      const rows = d.trace.map((t) => ({ attrs: { 'data-level': t.level, class: t.result === 'selected' ? 'selected' : '' }, cells: [
        String(t.level), t.name,
        badge(t.result, t.result === 'selected' ? 'ok' : t.result === 'no match' || t.result === 'not reached' ? 'muted' : 'warn'),
        t.detail] }));
      fill(out, h('section', { class: 'card' },
        h('h2', {}, d.selected ? `Level ${d.level}: ${d.levelName}` : `No certificate: the handshake fails (${d.alert || d.outcome})`),
        d.selected ? h('p', { class: 'decision' }, 'Serves ', thumb(d.thumbprint), ` (${d.certificate}) from ${d.binding || `CCS ${d.ccsKey}`}.`) : null,
        d.sniStatus && d.sniStatus !== 'valid' && d.sniStatus !== 'absent' ? h('p', { class: 'error' }, `SNI ${d.sniStatus}`) : null,
        table(`The five levels for ${d.ip}:${d.port}${d.sni ? ` with SNI ${d.sni}` : ' without SNI'} (configuration version ${d.version})`,
          ['Level', 'Name', 'Result', 'Why'], rows),
        h('details', {}, h('summary', {}, 'As text (ccsctl explain)'), h('pre', {}, d.text))));
    } catch (err) {
      fill(out);
      showError(form, err);
    }
  }

  const form = h('form', { id: 'explain-form', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    run();
  } }, h('div', { class: 'grid' }, ip, port, sni), h('p', { class: 'form-error', role: 'alert' }), h('button', { type: 'submit' }, 'Explain'));

  const element = h('div', { class: 'page', id: 'page-explain' },
    h('h1', {}, 'Explain the certificate choice'),
    h('p', {}, 'Which certificate a handshake gets, walking the levels as HTTP.SYS does: exact IP:Port, Hostname:Port (SNI), '
      + 'Central Certificate Store, IPv6 wildcard, IPv4 wildcard. The first level that yields a certificate wins.'),
    h('section', { class: 'card' }, form), out);
  return { title: 'Explain', element, refresh: () => (last ? run() : null) };
}
