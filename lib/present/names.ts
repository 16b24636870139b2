// Display names of entities in the reader's language: a customer's first French name where the
// catalog has one ("Tsahal"), else its catalog name; an unknown id is shown as written.
import type { Entity, Lang } from '../dataset/types';

export function displayName(entity: Entity | undefined, id: string, lang: Lang): string {
  if (!entity) return id;
  const local = lang === 'fr' ? entity.names?.fr?.[0] : undefined;
  return local ? local.charAt(0).toLocaleUpperCase('fr') + local.slice(1) : entity.name;
}
