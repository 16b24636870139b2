// A tiny element builder for the options page: text goes in through textContent only, so nothing
// from data or files can ever become markup.
type Child = Node | string | null | false | undefined;
type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'text') node.textContent = String(value);
    else if (name in node && typeof value !== 'string') (node as unknown as Record<string, unknown>)[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === false || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

let nextId = 0;
/** A unique id for label/control and aria-describedby pairs. */
export function makeId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
