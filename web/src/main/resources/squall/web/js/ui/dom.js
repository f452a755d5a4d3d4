/** Small DOM helpers: query with a clear error, and element creation without innerHTML. */

export function $(selector, root = document) {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
}

export function $$(selector, root = document) {
  return [...root.querySelectorAll(selector)];
}

/** h('div', {class: 'x', dataset: {id: 1}}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) el.append(c);
  return el;
}

export function show(view) {
  for (const id of ['landing', 'lobby', 'call']) $(`#${id}`).hidden = id !== view;
}
