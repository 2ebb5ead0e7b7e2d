import { h, uid } from './dom.js';

/**
 * A file drop zone that is also an ordinary, keyboard-operable file input. Returns the element
 * with .file() (the chosen File or null), .reset() and .input (named {@code name}, so the API's
 * error for that field lands next to it).
 */
export function dropZone(label, name, hint, onChange) {
  const id = uid('file');
  let chosen = null;
  const shown = h('span', { class: 'chosen', 'aria-live': 'polite' }, 'no file chosen');
  const input = h('input', { type: 'file', id, name, 'aria-describedby': `${id}-hint ${id}-error` });
  const zone = h('div', { class: 'drop' },
    h('label', { for: id }, label),
    h('p', { class: 'help', id: `${id}-hint` }, hint),
    input, shown,
    h('p', { class: 'field-error', id: `${id}-error` }));
  const choose = (f) => {
    chosen = f || null;
    shown.textContent = chosen ? `${chosen.name} (${chosen.size} bytes)` : 'no file chosen';
    if (onChange) onChange(chosen);
  };
  input.addEventListener('change', () => choose(input.files[0]));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('drop-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('drop-over');
    if (e.dataTransfer && e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });
  zone.file = () => chosen;
  zone.reset = () => {
    input.value = '';
    choose(null);
  };
  zone.input = input;
  return zone;
}
