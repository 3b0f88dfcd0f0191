// Small DOM helpers: element construction, safe snippet HTML, passage direction.

/**
 * h('button', {class: 'x', onclick: f, 'aria-label': 'y'}, 'text', child, …) → Element.
 * Attributes whose value is null/undefined/false are skipped; `true` sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'style') {
      set_style(el, String(value));
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

// "--h: 0.4; color: red" through the CSSOM: the server's Content-Security-Policy (style-src
// 'self') refuses style attributes, set by markup or setAttribute, but not style properties.
function set_style(el, text) {
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) el.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * The server's snippet_html is HTML-escaped text with <mark> around matched words. We still do
 * not trust it as markup: rebuild it keeping only text and <mark>, so nothing else can run.
 */
export function snippet_nodes(html) {
  const doc = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  const copy = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(node.textContent);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.tagName === 'MARK') {
          const mark = document.createElement('mark');
          copy(node, mark);
          to.append(mark);
        } else {
          copy(node, to);
        }
      }
    }
  };
  copy(doc.body, out);
  return out;
}

/** `dir` of text in a passage language. */
export function dir_of(lang) {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** lang + dir attributes for an element holding text in passage language `lang`. */
export function text_attrs(lang) {
  return lang ? { lang, dir: dir_of(lang) } : { dir: 'auto' };
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn, ms) {
  let timer = 0;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
