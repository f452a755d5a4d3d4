import { $, h } from './dom.js';

/** Short notices in the corner: toast('Ada left', 'warn'). */
export function toast(text, kind = 'info', ms = 5000) {
  const el = h('div', { class: `toast ${kind}`, role: 'status' }, text);
  $('.toasts').append(el);
  setTimeout(() => el.remove(), ms);
}
