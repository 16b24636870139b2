// Checks the store packages `npm run zip` wrote, as the stores will: the Firefox zip passes `web-ext
// lint` with zero errors and warnings; the Chrome zip meets the Chrome Web Store's manifest rules (MV3,
// a version of 1–4 integers that matches package.json, name ≤ 75 and description ≤ 132 characters in
// every locale, the 16/32/48/128 px icons, no remote script, no update_url or key), and the sources zip
// that addons.mozilla.org asks for is there. Prints one line per problem; exits 1 if there is any.
// Needs `unzip` (Debian: apt-get install -y unzip).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const problems: string[] = [];
const zip = (suffix: string) => join(ROOT, '.output', `dual-use-${version}-${suffix}.zip`);

function unzip(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dual-use-package-'));
  try {
    execFileSync('unzip', ['-q', file, '-d', dir]);
  } catch (error) {
    throw new Error(`cannot unzip ${file} (${String(error)}); install unzip: apt-get install -y unzip`);
  }
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

type Messages = Record<string, { message: string }>;

function checkChrome(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if (manifest.manifest_version !== 3) problems.push('chrome: manifest_version must be 3');
  const v = String(manifest.version);
  if (!/^\d+(\.\d+){0,3}$/.test(v) || v.split('.').some((part) => Number(part) > 65535 || (part.length > 1 && part.startsWith('0')))) {
    problems.push(`chrome: version "${v}" must be 1 to 4 integers (0–65535, no leading zeros) separated by dots`);
  }
  if (v !== version) problems.push(`chrome: manifest version ${v} differs from package.json ${version}`);
  for (const field of ['update_url', 'key']) if (field in manifest) problems.push(`chrome: the store refuses a manifest with "${field}"`);
  const locales = join(dir, '_locales');
  for (const locale of readdirSync(locales)) {
    const messages = JSON.parse(readFileSync(join(locales, locale, 'messages.json'), 'utf8')) as Messages;
    const resolve = (value: unknown) => String(value).replace(/^__MSG_(\w+)__$/, (_, key: string) => messages[key]?.message ?? `(missing ${key})`);
    const name = resolve(manifest.name);
    const description = resolve(manifest.description);
    if (name.length > 75 || name.includes('(missing')) problems.push(`chrome: name in ${locale} is missing or longer than 75 characters`);
    if (description.length > 132 || description.includes('(missing')) problems.push(`chrome: description in ${locale} is missing or longer than 132 characters (${description.length})`);
  }
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  for (const size of ['16', '32', '48', '128']) {
    const icon = icons[size];
    if (!icon || !existsSync(join(dir, icon))) problems.push(`chrome: the ${size} px icon is missing`);
    else {
      // PNG header: width and height as big-endian integers at bytes 16 and 20.
      const png = readFileSync(join(dir, icon));
      if (png.readUInt32BE(16) !== Number(size) || png.readUInt32BE(20) !== Number(size)) problems.push(`chrome: ${icon} is not ${size}×${size}`);
    }
  }
  // Remote code is forbidden: no page may load a script or style from elsewhere.
  for (const file of filesUnder(dir).filter((path) => path.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    if (/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i.test(html)) problems.push(`chrome: ${relative(dir, file)} loads something from another origin`);
  }
  for (const file of filesUnder(dir).filter((path) => path.endsWith('.js'))) {
    if (/import\(\s*["'`]https?:/.test(readFileSync(file, 'utf8'))) problems.push(`chrome: ${relative(dir, file)} imports remote code`);
  }
}

function checkFirefox(dir: string): void {
  const report = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
  const result = JSON.parse(report) as { summary: { errors: number; warnings: number }; errors: { code: string; message: string }[]; warnings: { code: string; message: string }[] };
  for (const message of [...result.errors, ...result.warnings]) problems.push(`firefox: web-ext lint ${message.code}: ${message.message}`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string; browser_specific_settings?: { gecko_android?: object } };
  if (manifest.version !== version) problems.push(`firefox: manifest version ${manifest.version} differs from package.json ${version}`);
  if (!manifest.browser_specific_settings?.gecko_android) problems.push('firefox: gecko_android settings are missing (Firefox for Android)');
}

for (const [suffix, check] of [['chrome', checkChrome], ['firefox', checkFirefox]] as const) {
  const file = zip(suffix);
  if (!existsSync(file)) {
    problems.push(`${file} is missing: run npm run zip`);
    continue;
  }
  const dir = unzip(file);
  try {
    check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!existsSync(zip('sources'))) problems.push(`${zip('sources')} is missing (addons.mozilla.org asks for the sources)`);

for (const problem of problems) console.log(problem);
console.log(problems.length ? `store packages: ${problems.length} problem(s)` : `store packages ${version}: Chrome Web Store rules met, web-ext lint clean`);
process.exit(problems.length ? 1 : 0);
