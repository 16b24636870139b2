// Lookups the UI and the command line need over a validated dataset: entities by id, the top-level
// company of any entity (following parents), and findings per company (a parent gets its subsidiaries').
import type { Dataset, Entity, Finding } from './types';

export type EntityIndex = ReadonlyMap<string, Entity>;

export function indexEntities(entities: readonly Entity[]): EntityIndex {
  return new Map(entities.map((entity) => [entity.id, entity]));
}

export function entityById(index: EntityIndex, id: string): Entity | undefined {
  return index.get(id);
}

/** The id of the top-level entity owning `entityId` (itself when top-level); undefined if unknown or cyclic. */
export function topVendorOf(index: EntityIndex, entityId: string): string | undefined {
  let current = index.get(entityId);
  for (let steps = 0; current && steps <= index.size; steps++) {
    if (current.parent === null) return current.id;
    current = index.get(current.parent);
  }
  return undefined;
}

/** Ids of an entity and all its descendants (a company and its subsidiaries). */
export function familyOf(index: EntityIndex, entityId: string): Set<string> {
  const family = new Set<string>();
  for (const entity of index.values()) {
    let current: Entity | undefined = entity;
    for (let steps = 0; current && steps <= index.size; steps++) {
      if (current.id === entityId) {
        family.add(entity.id);
        break;
      }
      current = current.parent === null ? undefined : index.get(current.parent);
    }
  }
  return family;
}

/**
 * Findings keyed by vendor id: each finding is listed under its own vendor and under every ancestor,
 * so `microsoft` includes GitHub's findings and `github` only its own. Dataset order is kept.
 */
export function findingsByVendor(dataset: Dataset): Map<string, Finding[]> {
  const index = indexEntities(dataset.entities);
  const byVendor = new Map<string, Finding[]>();
  for (const finding of dataset.findings) {
    let current = index.get(finding.vendor);
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      const list = byVendor.get(current.id) ?? [];
      list.push(finding);
      byVendor.set(current.id, list);
      current = current.parent === null ? undefined : index.get(current.parent);
    }
  }
  return byVendor;
}
