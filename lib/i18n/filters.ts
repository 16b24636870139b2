// The filter panel's strings, shared by the options page and the explore page (which show the same
// filters), in English and French.
import type { Messages } from './index';

export type FilterKey =
  | 'clearFilters' | 'companies' | 'customers' | 'countries' | 'kinds' | 'statuses' | 'publishers'
  | 'dateRange' | 'from' | 'to' | 'dateHint' | 'dateInvalid';

export const filterMessages: Messages<FilterKey> = {
  en: {
    clearFilters: 'Clear all filters',
    companies: 'Companies (with their subsidiaries)',
    customers: 'Customers',
    countries: 'Customer countries',
    kinds: 'Kinds',
    statuses: 'Status',
    publishers: 'Source publishers',
    dateRange: 'Date',
    from: 'From',
    to: 'To',
    dateHint: 'YYYY, YYYY-MM or YYYY-MM-DD; empty for no limit.',
    dateInvalid: 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.',
  },
  fr: {
    clearFilters: 'Effacer tous les filtres',
    companies: 'Entreprises (avec leurs filiales)',
    customers: 'Clients',
    countries: 'Pays des clients',
    kinds: 'Types',
    statuses: 'Statut',
    publishers: 'Éditeurs des sources',
    dateRange: 'Date',
    from: 'Du',
    to: 'Au',
    dateHint: 'AAAA, AAAA-MM ou AAAA-MM-JJ ; vide pour aucune limite.',
    dateInvalid: 'Écrivez la date sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ.',
  },
};
