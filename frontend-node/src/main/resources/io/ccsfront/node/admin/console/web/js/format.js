import { h } from './dom.js';

const DAY = 86400000;

export function daysLeft(notAfter, now = Date.now()) {
  return Math.floor((Date.parse(notAfter) - now) / DAY);
}

/** The expiry date coloured by days left, with the words too (colour is never the only cue). */
export function expiry(notAfter) {
  const d = daysLeft(notAfter);
  let cls = 'ok';
  let words = `${d} days left`;
  if (d < 0) {
    cls = 'bad';
    words = `expired ${-d} days ago`;
  } else if (d <= 7) {
    cls = 'bad';
  } else if (d <= 30) {
    cls = 'warn';
  }
  return h('span', { class: `expiry expiry-${cls}`, title: notAfter }, `${notAfter.slice(0, 10)} (${words})`);
}

export function date(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

export function thumb(t) {
  return h('code', { class: 'thumb' }, t);
}

export function list(items, render) {
  if (!items || !items.length) return h('span', { class: 'muted' }, 'none');
  return h('ul', { class: 'plain' }, items.map((x) => h('li', {}, render ? render(x) : x)));
}

/** CN=www.contoso.com,O=Contoso → www.contoso.com (the CN, else the whole name). */
export function cn(dn) {
  const m = /(?:^|,)\s*CN=([^,]+)/.exec(dn || '');
  return m ? m[1] : dn || '';
}

export function badge(text, kind) {
  return h('span', { class: `badge badge-${kind}` }, text);
}

export function sslFlags(flags) {
  const words = [];
  if (flags & 1) words.push('SNI');
  if (flags & 2) words.push('CCS');
  return `sslFlags=${flags}${words.length ? ` (${words.join(', ')})` : ''}`;
}

export function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i);
  return out;
}
