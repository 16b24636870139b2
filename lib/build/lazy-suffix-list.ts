// Build step (wxt.config.ts): the Public Suffix List that tldts compiles into two large nested
// literals (dist/es6/src/data/trie.js) is built on its first look-up instead of when the script
// starts. The service worker evaluates its whole bundle at every wake, and those literals were
// most of its start-up work (tests/bench/catalog-bench.ts: worker start); a wake that never asks
// for a site or a domain no longer pays for them. tldts is pinned in package.json: if a new
// version changes these files, the build fails here rather than ship an unchanged list.

/** The two tries, as tldts 7 exports them from data/trie.js and reads them in suffix-trie.js. */
const TRIES = ['exceptions', 'rules'] as const;

const TRIE_FILE = /[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]data[\\/]trie\.js$/u;
const LOOKUP_FILE = /[\\/]tldts[\\/]dist[\\/]es6[\\/]src[\\/]suffix-trie\.js$/u;

function replaceOnce(code: string, from: string, to: string, file: string): string {
  const at = code.indexOf(from);
  if (at < 0 || code.indexOf(from, at + from.length) >= 0) {
    throw new Error(`lazy-suffix-list: expected exactly one "${from}" in ${file} (has tldts changed?)`);
  }
  return code.slice(0, at) + to + code.slice(at + from.length);
}

/**
 * The module's code with the tries made lazy, or null for any other module. In trie.js each
 * `export const x = (function () {…})();` becomes a memoised function; suffix-trie.js calls it.
 */
export function makeSuffixListLazy(id: string, code: string): string | null {
  if (TRIE_FILE.test(id)) {
    return TRIES.reduce(
      (out, name) => replaceOnce(out, `export const ${name} = (function () {`, `let ${name}Built;\nexport const ${name} = () => ${name}Built ??= (function () {`, id),
      code,
    );
  }
  if (LOOKUP_FILE.test(id)) {
    return TRIES.reduce((out, name) => replaceOnce(out, `lookupInTrie(hostnameParts, ${name},`, `lookupInTrie(hostnameParts, ${name}(),`, id), code);
  }
  return null;
}

/** The Vite plugin: applies makeSuffixListLazy while bundling. */
export function lazySuffixList(): { name: string; enforce: 'pre'; transform: (code: string, id: string) => string | null } {
  return { name: 'dual-use:lazy-suffix-list', enforce: 'pre', transform: (code, id) => makeSuffixListLazy(id, code) };
}
