// el: the one element builder of the content scripts' UI (content/layer.js's shadow roots) and of the
// extension's pages (ui/). One rule set for both:
//
//   null, undefined, false   nothing is set (a missing class, text or attribute stays missing)
//   text                     textContent
//   class                    className
//   on: {event: fn}          event listeners
//   checked, value           the element's properties (what a form field shows now)
//   true                     an empty attribute (hidden, readonly, …)
//   anything else            setAttribute(name, value)
//
// Children are nodes or strings; null and undefined children are skipped.

/** el makes an element of tag with props (see above) and children, . */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else if (k === 'checked' || k === 'value') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}
