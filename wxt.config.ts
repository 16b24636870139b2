import { defineConfig } from 'wxt';

// One configuration for both browsers; the manifest asks only for what the job needs
// (each permission is explained in README.md).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // The sources zip addons.mozilla.org asks for holds what builds the extension, not the store pictures.
  zip: { excludeSources: ['docs/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'tabs', 'contextMenus'],
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
