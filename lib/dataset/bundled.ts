// The dataset shipped inside the extension: assets/dataset/*.json imported at build time (Vite glob)
// as text, parsed and validated on first use only, so starting the service worker parses nothing.
// `npm run build` runs data:check first, so the fallback below is a last guard.
import { validateDataset } from './validate';
import type { Dataset } from './types';

const catalog = import.meta.glob<string>('../../assets/dataset/entities.json', { eager: true, query: '?raw', import: 'default' });
const findingFiles = import.meta.glob<string>('../../assets/dataset/findings/*.json', { eager: true, query: '?raw', import: 'default' });

let bundled: Dataset | null = null;

/** The bundled dataset, validated once (the first call pays ~20–50 ms today; later calls nothing). */
export function getBundledDataset(): Dataset {
  bundled ??= parseBundledDataset();
  return bundled;
}

function parseBundledDataset(): Dataset {
  const root = JSON.parse(Object.values(catalog)[0] ?? '{}') as { version?: unknown; entities?: unknown };
  const findings = Object.keys(findingFiles)
    .sort()
    .flatMap((path) => JSON.parse(findingFiles[path] ?? '[]') as unknown[]);
  const result = validateDataset({ version: root.version, entities: root.entities, findings });
  if (result.ok) return result.dataset;
  // An invalid bundle must not break the extension: show nothing rather than unchecked claims.
  console.error('Dual Use: the bundled dataset is invalid', result.problems.slice(0, 5));
  return { version: '0.0.0', entities: [], findings: [] };
}
