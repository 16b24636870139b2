// The reader's settings; the defaults object is the settings type (refined-github style).
import type { FindingKind, FindingStatus } from './dataset/types';

export interface Filters {
  /** Empty = all. Top-level vendor ids. */
  vendors: string[];
  /** Empty = all. Customer entity ids. */
  customers: string[];
  /** Empty = all. Customer countries (ISO codes). */
  countries: string[];
  kinds: FindingKind[];
  statuses: FindingStatus[];
  publishers: string[];
  /** Inclusive bounds, YYYY[-MM[-DD]] or '' for open. */
  from: string;
  to: string;
}

export type SiteMode = 'everywhere-except' | 'only-on';

export const defaultSettings = {
  /** Annotate pages at all. */
  enabled: true,
  siteMode: 'everywhere-except' as SiteMode,
  /** Registrable domains in the allow or deny list, depending on siteMode. */
  sites: [] as string[],
  /** How many mentions of each company are marked per page. */
  marksPerCompany: 3,
  /** '' follows the browser. */
  language: '' as '' | 'en' | 'fr',
  filters: {
    vendors: [], customers: [], countries: [], kinds: [], statuses: [], publishers: [], from: '', to: '',
  } as Filters,
};

export type Settings = typeof defaultSettings;
