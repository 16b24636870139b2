// UI language: English and French. Each UI keeps its own message table (lib/i18n/<ui>.ts)
// typed so that a key missing in one language is a compile error.
import type { Lang } from '../dataset/types';

export type Messages<K extends string> = Record<Lang, Record<K, string>>;

/** The reader's choice, else the browser's language, else English. */
export function pickLang(preference: '' | Lang, browserLanguage: string | undefined): Lang {
  if (preference) return preference;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** t('key', { n: 3 }) → the message with {n} replaced. */
export function translator<K extends string>(messages: Messages<K>, lang: Lang) {
  return (key: K, params: Record<string, string | number> = {}): string =>
    messages[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
