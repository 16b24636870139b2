// The highlight styles, added to the page by the script with its first mark (a constructed
// stylesheet, adopted by the document), and removed with the marks. Nothing is injected through the
// manifest: a manifest stylesheet enters every page at its start, before its first layout.
// Quiet by design: a dotted underline, never a loud highlight; dark pages get lighter colours.

export const HIGHLIGHT_CSS = `
::highlight(dual-use) {
  text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: rgba(180, 83, 9, 0.85);
  text-decoration-thickness: 2px; text-underline-offset: 3px;
}
::highlight(dual-use-current) {
  background-color: rgba(245, 158, 11, 0.22); text-decoration-line: underline; text-decoration-style: solid;
  text-decoration-color: rgba(180, 83, 9, 0.95); text-decoration-thickness: 2px;
}
@media (prefers-color-scheme: dark) {
  ::highlight(dual-use) { text-decoration-color: rgba(251, 191, 36, 0.8); }
  ::highlight(dual-use-current) { background-color: rgba(251, 191, 36, 0.2); text-decoration-color: rgba(251, 191, 36, 0.95); }
}
dual-use-mark {
  all: unset; display: inline; text-decoration: underline dotted rgba(180, 83, 9, 0.85);
  text-decoration-thickness: 2px; text-underline-offset: 3px;
}
dual-use-mark[data-current] { background-color: rgba(245, 158, 11, 0.22); }
`;

/** How our sheet is recognised, also one an older copy of the script left behind. */
const MARKER = '::highlight(dual-use)';

type AdoptingDocument = Document & { adoptedStyleSheets?: CSSStyleSheet[] };

const isOurs = (sheet: CSSStyleSheet): boolean => {
  try {
    return sheet.cssRules[0]?.cssText.includes(MARKER) ?? false;
  } catch {
    return false;
  }
};

/**
 * Adopts the highlight stylesheet into the document; returns a function that removes it. Content
 * scripts can adopt constructed sheets in Chromium and in Firefox 140+ (checked in Firefox ESR 153).
 * Where that fails, the marks stay unstyled (a highlight without style paints nothing): never an error.
 */
export function adoptHighlightStyles(doc: Document): () => void {
  const page = doc as AdoptingDocument;
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (!Sheet || !Array.isArray(page.adoptedStyleSheets)) return () => undefined;
  try {
    const sheet = new Sheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    page.adoptedStyleSheets = [...page.adoptedStyleSheets, sheet];
    return () => {
      try {
        page.adoptedStyleSheets = (page.adoptedStyleSheets ?? []).filter((adopted) => adopted !== sheet);
      } catch {
        // The page replaced the property: nothing of ours to remove.
      }
    };
  } catch {
    return () => undefined;
  }
}

/** Removes highlight stylesheets an older copy of this script adopted (it cannot remove them itself). */
export function removeStaleStyles(doc: Document): void {
  const page = doc as AdoptingDocument;
  try {
    if (Array.isArray(page.adoptedStyleSheets) && page.adoptedStyleSheets.some(isOurs)) {
      page.adoptedStyleSheets = page.adoptedStyleSheets.filter((sheet) => !isOurs(sheet));
    }
  } catch {
    // Not adoptable here.
  }
}
