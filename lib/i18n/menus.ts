// The browser-menu strings the background sets (English and French; a key missing in one fails to compile).
// "%s" is the browser's own placeholder for the selected text.
import type { Messages } from './index';

export const menuMessages: Messages<'lookUpSelection'> = {
  en: { lookUpSelection: 'Look up “%s” in Dual Use' },
  fr: { lookUpSelection: 'Chercher « %s » dans Dual Use' },
};
