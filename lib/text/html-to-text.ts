// HTML reduced to the text a reader sees, for the command line and tests (the extension reads the
// live DOM instead). Skipped: head, script, style, template, noscript, form fields, [hidden],
// inline display:none / visibility:hidden. Block elements become line breaks so words never glue.

import { Parser } from 'htmlparser2';

const SKIPPED = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'iframe', 'object',
  'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'button',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th',
  'tr', 'ul', 'caption', 'body', 'html', 'title',
]);

const INVISIBLE_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/iu;

function isHidden(name: string, attributes: Record<string, string>): boolean {
  if (SKIPPED.has(name)) return true;
  if ('hidden' in attributes) return true;
  const style = attributes.style;
  return style !== undefined && INVISIBLE_STYLE.test(style);
}

/** The visible text of an HTML document, entities decoded. */
export function extractVisibleText(html: string): string {
  const parts: string[] = [];
  // One flag per open element: did it start a hidden subtree?
  const open: boolean[] = [];
  let hiddenDepth = 0;
  const breakLine = (): void => {
    if (hiddenDepth === 0 && parts.length > 0 && parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden = isHidden(name, attributes);
        open.push(hidden);
        if (hidden) hiddenDepth++;
        if (BLOCKS.has(name)) breakLine();
      },
      onclosetag(name) {
        if (open.pop() === true) hiddenDepth--;
        if (BLOCKS.has(name)) breakLine();
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/[ \t\r\f]*\n[\s]*/gu, '\n').trim();
}
