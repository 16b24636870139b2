// Test helper: replaces the test document's body with parsed fixture markup (DOMParser, so no
// HTML string is ever assigned to a live element). Used by the happy-dom unit tests only.
export function loadBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}
