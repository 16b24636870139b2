// Strings of a finding shown in full (lib/present/finding-card.ts), in English and French; kind
// labels live here so every page names kinds the same way.
import type { FindingKind } from '../dataset/types';
import type { Messages } from './index';

export type FindingKey =
  | 'company' | 'customer' | 'noCustomer' | 'units' | 'amount' | 'products' | 'kind' | 'response' | 'sources'
  | 'original' | 'permalink' | 'status' | 'date' | 'copyCitation' | 'copyMarkdown' | 'citationCopied' | 'copyFailed' | `kind.${FindingKind}`;

export const findingMessages: Messages<FindingKey> = {
  en: {
    company: 'Company',
    customer: 'Customer',
    noCustomer: 'No specific customer',
    units: 'Units',
    amount: 'Amount',
    products: 'Products',
    kind: 'Kind',
    response: 'Company response',
    sources: 'Sources',
    original: 'original report',
    permalink: 'Permalink to this finding',
    copyCitation: 'Copy citation',
    copyMarkdown: 'Copy as Markdown',
    citationCopied: 'Citation copied.',
    copyFailed: 'Could not copy the citation.',
    status: 'Status',
    date: 'Date',
    'kind.cloud': 'Cloud', 'kind.ai': 'AI', 'kind.software': 'Software', 'kind.surveillance': 'Surveillance',
    'kind.hardware': 'Hardware', 'kind.services': 'Services', 'kind.policy': 'Policy', 'kind.labor': 'Labour',
  },
  fr: {
    company: 'Entreprise',
    customer: 'Client',
    noCustomer: 'Pas de client précis',
    units: 'Unités',
    amount: 'Montant',
    products: 'Produits',
    kind: 'Type',
    response: 'Réponse de l’entreprise',
    sources: 'Sources',
    original: 'révélation initiale',
    permalink: 'Lien permanent vers ce constat',
    copyCitation: 'Copier la référence',
    copyMarkdown: 'Copier en Markdown',
    citationCopied: 'Référence copiée.',
    copyFailed: 'La référence n’a pas pu être copiée.',
    status: 'Statut',
    date: 'Date',
    'kind.cloud': 'Cloud', 'kind.ai': 'IA', 'kind.software': 'Logiciel', 'kind.surveillance': 'Surveillance',
    'kind.hardware': 'Matériel', 'kind.services': 'Services', 'kind.policy': 'Politique', 'kind.labor': 'Travail',
  },
};
