// Least privilege (issue 8), checked on the built manifests both browsers load: only the permissions
// README.md explains, host access for the content script the background injects, nothing reachable from outside,
// a content security policy that allows no remote code, and the popup's keyboard shortcut (issue 14).
// And the content script every page pays for (issue 13): not in the manifest (injected after load),
// small, no dataset, no Public Suffix List.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CHROME_BUILD, FIREFOX_BUILD } from './harness';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: { extension_pages?: string };
  content_scripts?: Array<{ matches: string[]; js?: string[]; css?: string[] }>;
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
}

const readManifest = (build: string): Manifest => JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Manifest;

for (const [browser, build] of [['Chrome', CHROME_BUILD], ['Firefox', FIREFOX_BUILD]] as const) {
  test(`${browser}: only storage, tabs, contextMenus and scripting; host access for the injected content script; nothing exposed`, () => {
    const manifest = readManifest(build);
    assert.deepEqual([...(manifest.permissions ?? [])].sort(), ['contextMenus', 'scripting', 'storage', 'tabs']);
    assert.equal(manifest.optional_permissions, undefined);
    assert.deepEqual(manifest.host_permissions, ['<all_urls>']);
    assert.equal(manifest.externally_connectable, undefined);
    assert.equal(manifest.web_accessible_resources, undefined);
    // No manifest content script: it would be in every page while the page loads (page-injection.ts).
    assert.equal(manifest.content_scripts, undefined);
  });

  test(`${browser}: a keyboard shortcut opens the popup, and it is the only command`, () => {
    const commands = readManifest(build).commands ?? {};
    assert.deepEqual(Object.keys(commands), ['_execute_action']);
    assert.equal(commands._execute_action?.suggested_key?.default, 'Alt+Shift+D');
  });

  test(`${browser}: the extension pages' content security policy allows no remote code`, () => {
    const policy = readManifest(build).content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.ok(!/https?:|\*|'unsafe-/.test(policy), `no remote source, wildcard or unsafe keyword in: ${policy}`);
  });
}

const CONTENT_SCRIPT_MAX_BYTES = 40 * 1024;

for (const [browser, build] of [['Chrome', CHROME_BUILD], ['Firefox', FIREFOX_BUILD]] as const) {
  test(`${browser}: the content script is small and carries no catalog, no dataset, no Public Suffix List`, () => {
    const code = readFileSync(join(build, 'content-scripts/annotate.js'), 'utf8');
    assert.ok(code.length <= CONTENT_SCRIPT_MAX_BYTES, `${code.length} bytes, at most ${CONTENT_SCRIPT_MAX_BYTES}`);
    const dataset = JSON.parse(readFileSync(join(build, 'dataset.json'), 'utf8')) as { entities: Array<{ id: string; aliases: string[] }>; findings: Array<{ id: string }> };
    for (const finding of dataset.findings) assert.ok(!code.includes(finding.id), `finding ${finding.id} is in the content script`);
    const palantir = dataset.entities.find((entity) => entity.id === 'palantir');
    assert.ok(palantir && !code.includes(`"${palantir.aliases[0]}"`), 'catalog names are in the content script');
    // tldts's rules hold thousands of punycode labels.
    assert.ok(!code.includes('xn--'), 'the Public Suffix List is in the content script');
  });
}

test('Firefox: gecko id set and no data collection declared', () => {
  const gecko = readManifest(FIREFOX_BUILD).browser_specific_settings?.gecko;
  assert.equal(gecko?.id, 'dual-use@dual-use.invalid');
  assert.deepEqual(gecko?.data_collection_permissions?.required, ['none']);
});
