// A synthetic dataset `factor` times today's, for the catalog-scale bench: the real entities and
// findings plus synthetic companies (pseudo-word names that never occur in the bench pages, ten
// aliases each) and copies of the real findings attributed to them. Written as assets/dataset is laid
// out, so a bench build can ship it instead (wxt.config.ts, DUAL_USE_BENCH_DATASET).
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entity, Finding, Topic } from '../../lib/dataset/types';
import { inflateCatalog } from './corpus';

const ALIASES_PER_COMPANY = 10;

/** Writes entities.json (with the real topics), publishers.json (the real registry) and findings/*.json under `dir`; returns how many names and findings it holds. */
export async function writeSyntheticDataset(root: string, dir: string, factor: number): Promise<{ names: number; findings: number }> {
  const source = join(root, 'assets/dataset');
  const catalog = JSON.parse(await readFile(join(source, 'entities.json'), 'utf8')) as { version: string; entities: Entity[]; topics: Topic[] };
  // inflateCatalog adds one company per name; the dataset's limit on entities wants them grouped.
  const added = inflateCatalog(catalog.entities, factor).slice(catalog.entities.length);
  const synthetic: Entity[] = [];
  for (let i = 0; i < added.length; i += ALIASES_PER_COMPANY) {
    const names = added.slice(i, i + ALIASES_PER_COMPANY).map((entity) => entity.name);
    synthetic.push({
      id: `synthetic-${synthetic.length}`, name: names[0] as string, type: 'vendor', country: 'US', parent: null,
      aliases: names, products: [], domains: [], ambiguous: [],
    });
  }
  await mkdir(join(dir, 'findings'), { recursive: true });
  await writeFile(join(dir, 'entities.json'), JSON.stringify({ version: catalog.version, entities: [...catalog.entities, ...synthetic], topics: catalog.topics }));
  await copyFile(join(source, 'publishers.json'), join(dir, 'publishers.json'));
  let findings = 0;
  let company = 0;
  // The dataset refuses two findings alike in vendor, customer, date, kind and first source.
  const taken = new Set<string>();
  const keyOf = (f: Finding, vendor: string) => [vendor, f.customer, f.date, f.kind, f.sources[0]?.url].join('|');
  for (const file of (await readdir(join(source, 'findings'))).filter((name) => name.endsWith('.json')).sort()) {
    const real = JSON.parse(await readFile(join(source, 'findings', file), 'utf8')) as Finding[];
    const copies: Finding[] = [];
    for (let k = 1; k < factor; k++) {
      for (const finding of real) {
        let vendor = '';
        for (let tries = 0; tries < synthetic.length && (!vendor || taken.has(keyOf(finding, vendor))); tries++) {
          vendor = (synthetic[company++ % synthetic.length] as Entity).id;
        }
        if (!vendor || taken.has(keyOf(finding, vendor))) continue;
        taken.add(keyOf(finding, vendor));
        copies.push({ ...finding, id: `${finding.id}-copy-${k}`, vendor });
      }
    }
    findings += real.length + copies.length;
    await writeFile(join(dir, 'findings', file), JSON.stringify([...real, ...copies]));
  }
  const names = [...catalog.entities, ...synthetic].reduce((sum, e) => sum + e.aliases.length + e.products.length, 0);
  return { names, findings };
}
