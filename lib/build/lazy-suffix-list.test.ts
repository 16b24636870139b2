import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeSuffixListLazy } from './lazy-suffix-list';

const require = createRequire(import.meta.url);
const TLDTS = dirname(require.resolve('tldts/package.json'));
const CORE = dirname(require.resolve('tldts-core/package.json', { paths: [TLDTS] }));

describe('the lazy Public Suffix List (build step)', () => {
  it('leaves every other module alone', () => {
    expect(makeSuffixListLazy('/x/lib/matcher/domains.ts', 'export const rules = (function () {})();')).toBeNull();
  });

  it('fails the build when tldts no longer has the expected shape', () => {
    expect(() => makeSuffixListLazy('/n/tldts/dist/es6/src/data/trie.js', 'export const rules = [];')).toThrow(/has tldts changed/);
  });

  it('transformed, tldts answers as before and builds its tries only when first asked', async () => {
    // The transformed tldts sources in a copy of the package, next to its tldts-core.
    const work = await mkdtemp(join(tmpdir(), 'lazy-psl-'));
    try {
      const copy = join(work, 'node_modules', 'tldts');
      await cp(join(TLDTS, 'dist'), join(copy, 'dist'), { recursive: true });
      await mkdir(join(work, 'node_modules', 'tldts-core'), { recursive: true });
      await cp(CORE, join(work, 'node_modules', 'tldts-core'), { recursive: true });
      await writeFile(join(copy, 'package.json'), JSON.stringify({ type: 'module' }));
      for (const file of ['dist/es6/index.js', 'dist/es6/src/data/trie.js', 'dist/es6/src/suffix-trie.js']) {
        const path = join(copy, file);
        const code = await readFile(path, 'utf8');
        const lazy = file === 'dist/es6/index.js' ? code : makeSuffixListLazy(path, code);
        expect(lazy).not.toBeNull();
        // Node resolves relative ES module imports only with their extension (bundlers add it).
        await writeFile(path, lazy!.replace(/from '(\.[^']*?)(?<!\.js)'/gu, "from '$1.js'"));
      }
      const trie = await import(pathToFileURL(join(copy, 'dist/es6/src/data/trie.js')).href);
      expect(typeof trie.rules).toBe('function');
      expect(trie.rules()).toBe(trie.rules());
      const lazy = await import(pathToFileURL(join(copy, 'dist/es6/index.js')).href);
      const eager = await import('tldts');
      for (const host of ['www.bbc.co.uk', 'user.github.io', 'a.b.kawasaki.jp', 'city.kawasaki.jp', 'example.com', 'localhost', '192.168.0.1']) {
        const { hostname, domain, publicSuffix, subdomain, isIcann, isPrivate, isIp } = eager.parse(host, { allowPrivateDomains: true });
        expect(lazy.parse(host, { allowPrivateDomains: true })).toMatchObject({ hostname, domain, publicSuffix, subdomain, isIcann, isPrivate, isIp });
        expect(lazy.getDomain(host)).toBe(eager.getDomain(host));
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
