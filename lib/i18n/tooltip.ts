// Messages of the in-page tooltip (English and French; a key missing in one is a compile error).
import type { Messages } from './index';

export type TooltipKey =
  | 'findingsOne' | 'findingsMany' | 'shownOf' | 'matched' | 'matchedSame' | 'openList' | 'loading'
  | 'noFindings' | 'close' | 'announce' | 'dialogLabel' | 'source' | 'unavailable' | 'citedHere' | 'storyHere';

export const tooltipMessages: Messages<TooltipKey> = {
  en: {
    findingsOne: '1 finding',
    findingsMany: '{n} findings',
    shownOf: '{shown} of {total} shown',
    matched: '“{alias}” → {vendor}',
    matchedSame: 'Named on this page',
    openList: 'See all findings',
    loading: 'Loading…',
    noFindings: 'No finding passes your filters.',
    close: 'Close',
    announce: '{vendor}: {count}',
    dialogLabel: '{vendor}: military contracts and sources',
    source: 'Source: {publisher}',
    unavailable: 'The extension was updated; reload the page.',
    citedHere: 'Cited by this page',
    storyHere: 'This page reports it: {terms}',
  },
  fr: {
    findingsOne: '1 constat',
    findingsMany: '{n} constats',
    shownOf: '{shown} sur {total} affichés',
    matched: '« {alias} » → {vendor}',
    matchedSame: 'Nommé sur cette page',
    openList: 'Voir tous les constats',
    loading: 'Chargement…',
    noFindings: 'Aucun constat ne passe vos filtres.',
    close: 'Fermer',
    announce: '{vendor} : {count}',
    dialogLabel: '{vendor} : contrats militaires et sources',
    source: 'Source : {publisher}',
    unavailable: 'L’extension a été mise à jour ; rechargez la page.',
    citedHere: 'Cette page le cite',
    storyHere: 'Cette page le rapporte : {terms}',
  },
};
