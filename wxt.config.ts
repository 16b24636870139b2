import { defineConfig } from 'wxt';
import { lazySuffixList } from './lib/build/lazy-suffix-list';
import { readDatasetBundle } from './lib/dataset/bundle-file';
import { BUNDLED_DATASET_FILE } from './lib/dataset/bundled';

// No `@wxt-dev/webextension-polyfill` module: it would alias `wxt/browser` to the polyfill and ship
// it (10 kB) in the content script, which uses the native API (entrypoints/annotate.content). The
// background and the extension pages import webextension-polyfill themselves.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // The sources zip addons.mozilla.org asks for holds what builds the extension, not the store pictures.
  zip: { excludeSources: ['docs/**'] },
  // Minified builds (shipped and bench alike): the content script is paid on every page the reader opens.
  // `wxt zip -b firefox` still ships the readable sources AMO reviews.
  // The Public Suffix List is built on first use, not at each start of the service worker (lib/build).
  vite: (env) => ({ build: { minify: env.command === 'build' }, plugins: [lazySuffixList()] }),
  hooks: {
    // The dataset ships as one file, read by the worker and the pages when they first need it
    // (lib/dataset/bundled.ts). Benchmarks only: `--mode bench` with DUAL_USE_BENCH_DATASET=<dir>
    // ships that directory instead (tests/bench/catalog-bench.ts: a synthetic catalog 10× and 100× today's).
    'build:publicAssets': (wxt, files) => {
      const benchDataset = wxt.config.mode === 'bench' ? process.env.DUAL_USE_BENCH_DATASET : undefined;
      files.push({ relativeDest: BUNDLED_DATASET_FILE, contents: readDatasetBundle(benchDataset || undefined) });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'tabs', 'contextMenus', 'scripting'],
    action: { default_title: '__MSG_extName__' },
    // A keyboard shortcut opens the popup (the reader can change it in the browser's shortcut settings).
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+D' } } },
    // Extension pages load only their own files and reach nothing else (no remote code, no fetches
    // beyond the extension, no frames, no forms).
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' data:",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dual-use@dual-use.invalid',
              // data_collection_permissions needs Firefox 140 (ESR 140) and Firefox for Android 142.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
