// A tiny dataset for the presentation and search unit tests (not real findings).
import type { Dataset, Finding } from '../dataset/types';

export function makeFinding(overrides: Partial<Finding> & Pick<Finding, 'id' | 'vendor'>): Finding {
  return {
    customer: 'israel-defense-forces',
    kind: 'cloud',
    title: { en: overrides.id, fr: overrides.id },
    summary: { en: 'Summary.', fr: 'Résumé.' },
    date: '2024',
    status: 'reported',
    sources: [{ publisher: 'Outlet', url: 'https://example.org/a', date: '2024', lang: 'en', verified: 'read' }],
    ...overrides,
  };
}

const entity = (id: string, name: string, extra: Partial<Dataset['entities'][number]> = {}) => ({
  id, name, type: 'vendor' as const, country: 'US', parent: null,
  aliases: [name], products: [], domains: [], ambiguous: [], ...extra,
});

export const sampleDataset: Dataset = {
  version: 'test',
  topics: [],
  entities: [
    entity('microsoft', 'Microsoft', { products: ['Azure'], domains: ['microsoft.com'] }),
    entity('github', 'GitHub', { parent: 'microsoft', domains: ['github.com'] }),
    entity('google', 'Google', { products: ['Nimbus', 'Google Cloud'] }),
    entity('amazon', 'Amazon', { products: ['Nimbus'] }),
    entity('amazon-web-services', 'Amazon Web Services', { parent: 'amazon', aliases: ['Amazon Web Services', 'AWS'] }),
    entity('palantir', 'Palantir', { aliases: ['Palantir', 'Palantir Technologies'] }),
    entity('nofindings', 'Quiet Corp'),
    entity('israel-defense-forces', 'Israel Defense Forces', {
      type: 'military', country: 'IL', aliases: ['IDF', 'Israel Defense Forces'],
      names: { fr: ['Tsahal', 'Forces de défense d’Israël'], he: ['צה"ל'] },
    }),
    entity('us-department-of-defense', 'US Department of Defense', {
      type: 'military', aliases: ['Pentagon', 'DoD'], names: { fr: ['Département de la Défense'] },
    }),
  ],
  findings: [
    makeFinding({ id: 'ms-azure-8200', vendor: 'microsoft', units: ['Unit 8200'], products: ['Azure'], date: '2025-08-06' }),
    makeFinding({ id: 'gh-ice', vendor: 'github', customer: 'us-department-of-defense', date: '2019-10' }),
    makeFinding({ id: 'google-nimbus', vendor: 'google', products: ['Nimbus'], date: '2021-04' }),
    makeFinding({ id: 'google-dod', vendor: 'google', customer: 'us-department-of-defense', date: '2018' }),
    makeFinding({ id: 'aws-nimbus', vendor: 'amazon-web-services', products: ['Nimbus'], date: '2021-04' }),
    makeFinding({ id: 'palantir-idf', vendor: 'palantir', date: '2024-01-12', status: 'confirmed' }),
    makeFinding({ id: 'palantir-orion', vendor: 'palantir', customer: null, title: { en: 'Army picks “Project Orion” analytics', fr: 'L’armée choisit « Projet Orion »' }, date: '2020' }),
    makeFinding({ id: 'google-jwcc', vendor: 'google', customer: null, products: ['Project JWCC'], date: '2022-12' }),
  ],
};
