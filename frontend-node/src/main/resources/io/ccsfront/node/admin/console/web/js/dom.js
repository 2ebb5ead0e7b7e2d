// Building DOM nodes without parsing HTML: every text goes in as text (the page runs under
// Trusted Types with no policy, so innerHTML could not be used even by mistake).

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  add(el, children);
  return el;
}

function add(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function fill(el, ...children) {
  clear(el);
  add(el, children);
  return el;
}

let ids = 0;
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A table with a caption and column headers; rows are arrays of cells (text or nodes). */
export function table(caption, headers, rows, empty) {
  const body = rows.length
    ? rows.map((r) => h('tr', r.attrs || {}, (r.cells || r).map((c) => h('td', {}, c))))
    : [h('tr', {}, h('td', { colspan: headers.length, class: 'empty' }, empty || 'none'))];
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, body)));
}

/** A labelled input; returns the wrapper, with .input set to the control. */
export function field(label, attrs, help) {
  const id = attrs.id || uid('f');
  const errId = `${id}-error`;
  const helpId = help ? `${id}-help` : null;
  const control = attrs.tag === 'select'
    ? h('select', { ...attrs, tag: null, options: null, id, 'aria-describedby': [helpId, errId].filter(Boolean).join(' ') },
      (attrs.options || []).map((o) => h('option', { value: o.value ?? o, selected: o.selected }, o.label ?? o)))
    : h(attrs.tag || 'input', { ...attrs, tag: null, id, 'aria-describedby': [helpId, errId].filter(Boolean).join(' ') });
  const wrap = h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    help ? h('p', { class: 'help', id: helpId }, help) : null,
    h('p', { class: 'field-error', id: errId }));
  wrap.input = control;
  return wrap;
}

export function checkbox(label, attrs) {
  const id = attrs.id || uid('c');
  const input = h('input', { type: 'checkbox', ...attrs, id });
  const wrap = h('div', { class: 'field check' }, input, h('label', { for: id }, label));
  wrap.input = input;
  return wrap;
}

/** Shows the API's validation error next to the field it names (or in the form's error line). */
export function showError(form, err) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  const line = form.querySelector('.form-error');
  if (!err) {
    if (line) line.textContent = '';
    return;
  }
  const text = err.code ? `${err.message} [${err.status} ${err.code}]` : String(err.message || err);
  const target = err.field ? form.querySelector(`[name="${CSS.escape(err.field)}"]`) : null;
  if (target) {
    target.setAttribute('aria-invalid', 'true');
    const fe = document.getElementById(`${target.id}-error`);
    if (fe) fe.textContent = text;
    target.focus();
  }
  if (line) line.textContent = text;
}

/** A modal dialog; resolves with the value of the button pressed (or null on Escape). */
export function dialog(title, body, buttons) {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const d = h('dialog', { 'aria-labelledby': titleId, class: 'dialog' },
      h('h2', { id: titleId }, title),
      h('div', { class: 'dialog-body' }, body),
      h('div', { class: 'actions' }, buttons.map((b) => h('button', {
        type: 'button', class: b.class || '', disabled: b.disabled, 'data-value': b.value,
        onclick: async () => {
          if (b.run) {
            const keep = await b.run(d);
            if (keep) return;
          }
          d.close();
          resolve(b.value);
        },
      }, b.label))));
    d.addEventListener('cancel', () => resolve(null));
    d.addEventListener('close', () => {
      resolve(null); // closed from inside (a form that finished): no button value
      d.remove();
    });
    document.body.append(d);
    d.showModal();
  });
}

/** Offers bytes for download under a file name (a blob: URL, revoked after use). */
export function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type: type || 'application/octet-stream' }));
  const a = h('a', { href: url, download: name, class: 'download-link' }, `Download ${name}`);
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return a;
}
