// The console shell: sign-in, navigation, live configuration version (server-sent events), and
// the current page. Pages are modules returning {title, element, refresh(), dispose()}.
import { api, call, onSignedOut, setCsrfToken } from './api.js';
import { fill, h } from './dom.js';
import certificates from './certificates.js';
import bindings from './bindings.js';
import rotate from './rotate.js';
import explain from './explain.js';
import doctor from './doctor.js';
import cluster from './cluster.js';
import audit from './audit.js';

const PAGES = { certificates, bindings, rotate, explain, doctor, cluster, audit };
const $ = (id) => document.getElementById(id);

const state = { version: null, node: null, page: null, events: null, actor: null };

let statusTimer = null;

export function notify(message, kind) {
  const s = $('status');
  fill(s, h('span', { class: `status-${kind || 'info'}` }, message));
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => fill(s), kind === 'bad' ? 15000 : 8000);
}

function showSignIn(message) {
  if (state.events) state.events.close();
  state.events = null;
  setCsrfToken(null);
  if (state.page && state.page.dispose) state.page.dispose();
  state.page = null;
  fill($('page'));
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('actor').textContent = '';
  $('config-version').textContent = '';
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  const input = $('token');
  const token = input.value.trim();
  if (!token) {
    $('sign-in-error').textContent = 'Enter the admin token.';
    return;
  }
  try {
    const s = await call('POST', '/console/api/session', { token }, { quiet: true });
    input.value = '';
    await start(s);
  } catch (e) {
    input.value = '';
    input.setAttribute('aria-invalid', 'true');
    $('sign-in-error').textContent = e.status === 401 ? 'The admin token was refused.' : `Sign-in failed: ${e.message}`;
    input.focus();
  }
}

async function signOut() {
  try {
    await call('DELETE', '/console/api/session', undefined, { quiet: true });
  } finally {
    showSignIn('Signed out.');
  }
}

async function start(session) {
  setCsrfToken(session.csrfToken);
  state.actor = session.actor;
  $('token').removeAttribute('aria-invalid');
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  $('actor').textContent = `signed in as ${session.actor}`;
  state.node = await api.get('/node');
  $('node-name').textContent = `node ${state.node.name}`;
  setVersion(state.node.configVersion, false);
  listen();
  route();
}

function setVersion(v, announce) {
  const changed = state.version !== null && v !== state.version;
  state.version = v;
  $('config-version').textContent = `configuration version ${v}`;
  if (changed && announce) {
    notify(`Configuration changed: now version ${v}.`, 'info');
    if (state.page && state.page.refresh) state.page.refresh(v);
  }
}

function listen() {
  if (state.events) state.events.close();
  const es = new EventSource('/console/api/events');
  es.addEventListener('version', (e) => setVersion(JSON.parse(e.data).version, true));
  es.addEventListener('signed-out', () => showSignIn('Your session ended; sign in again.'));
  state.events = es;
}

function route() {
  const name = (location.hash.replace(/^#\//, '') || 'certificates').split('?')[0];
  const make = PAGES[name] || certificates;
  if (state.page && state.page.dispose) state.page.dispose();
  const ctx = { notify, version: () => state.version, node: () => state.node, actor: () => state.actor };
  state.page = make(ctx);
  document.title = `${state.page.title} · ccsfront console`;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  fill($('page'), state.page.element);
  $('main').focus();
}

onSignedOut(() => showSignIn('Your session ended; sign in again.'));

document.addEventListener('DOMContentLoaded', async () => {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', () => {
    if (state.page) route();
  });
  try {
    const s = await call('GET', '/console/api/session', undefined, { quiet: true });
    await start(s);
  } catch (e) {
    showSignIn('');
  }
});
