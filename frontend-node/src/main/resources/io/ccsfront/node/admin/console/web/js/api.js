// The admin API as the console calls it: same origin, the session cookie, and the session's
// CSRF token (kept in this module's memory only) on every change.

let csrfToken = null;
let signedOut = () => {};

export class ApiError extends Error {
  constructor(status, body) {
    super(body.message || `HTTP ${status}`);
    this.status = status;
    this.code = body.error;
    this.field = body.field;
    this.value = body.value;
    this.body = body;
  }
}

export function setCsrfToken(token) {
  csrfToken = token;
}

export function onSignedOut(f) {
  signedOut = f;
}

export async function call(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const r = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch (e) {
    json = { message: text };
  }
  if (r.status === 401 && !options.quiet) signedOut();
  if (!r.ok) throw new ApiError(r.status, json);
  return json;
}

const BASE = '/admin/v1';
const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') s.set(k, v);
  const t = s.toString();
  return t ? `?${t}` : '';
};

export const api = {
  get: (path, params) => call('GET', BASE + path + q(params)),
  post: (path, body) => call('POST', BASE + path, body ?? {}),
  put: (path, body) => call('PUT', BASE + path, body ?? {}),
  del: (path, params) => call('DELETE', BASE + path + q(params)),
};

export const enc = encodeURIComponent;
