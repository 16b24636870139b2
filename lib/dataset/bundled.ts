// The dataset shipped inside the extension: assets/dataset/*.json imported at build time (Vite glob),
// validated once at start-up. `npm run build` runs data:check first, so the fallback below is a last guard.
import { validateDataset } from './validate';
import type { Dataset } from './types';

const catalog = import.meta.glob<{ version: unknown; entities: unknown; topics: unknown }>('../../assets/dataset/entities.json', { eager: true, import: 'default' });
const findingFiles = import.meta.glob<unknown[]>('../../assets/dataset/findings/*.json', { eager: true, import: 'default' });

function loadBundledDataset(): Dataset {
  const root = Object.values(catalog)[0];
  const findings = Object.keys(findingFiles)
    .sort()
    .flatMap((path) => findingFiles[path] ?? []);
  const result = validateDataset({ version: root?.version, entities: root?.entities, topics: root?.topics, findings });
  if (result.ok) return result.dataset;
  // An invalid bundle must not break the extension: show nothing rather than unchecked claims.
  console.error('Dual Use: the bundled dataset is invalid', result.problems.slice(0, 5));
  return { version: '0.0.0', entities: [], topics: [], findings: [] };
}

export const bundledDataset: Dataset = loadBundledDataset();
