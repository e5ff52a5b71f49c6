// Builds elements from data without ever parsing a string as HTML: every text
// from the API ends up in a text node or an attribute value, never in markup.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter(isPresent).map(asNode));
  return node;
}

export function replaceChildren(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter(isPresent).map(asNode));
}

/** An http(s) URL as given, or null for anything else (javascript:, data:, garbage). */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function isPresent(child) {
  return child !== undefined && child !== null && child !== false && child !== '';
}

function asNode(child) {
  return child instanceof Node ? child : document.createTextNode(String(child));
}
