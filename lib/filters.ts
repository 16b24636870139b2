// The one filter predicate: the badge, the popup, the tooltips and the options count all call
// passesFilters(), so a finding is shown everywhere or nowhere. Empty lists and '' bounds mean "all".
import type { Entity, Finding } from './dataset/types';
import type { Filters } from './settings';

/** Entities by id, as built once per dataset (see indexEntities). */
export type EntityIndex = ReadonlyMap<string, Entity>;

export function indexEntities(entities: readonly Entity[]): EntityIndex {
  return new Map(entities.map((entity) => [entity.id, entity]));
}

/** The entity and its owners up the parent chain (GitHub → Microsoft), guarded against cycles. */
export function listOwners(id: string, entities: EntityIndex): string[] {
  const chain: string[] = [];
  let current: string | null = id;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    current = entities.get(current)?.parent ?? null;
  }
  return chain;
}

/** The top-level company of an entity (itself when it has no parent). */
export function findTopLevel(id: string, entities: EntityIndex): string {
  const chain = listOwners(id, entities);
  return chain[chain.length - 1] ?? id;
}

// Partial dates cover a span: "2023" is 2023-01-01…2023-12-31, "2023-06" the whole of June.
// Day 31 for every month is fine: the strings are only compared with each other.
function startOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}
function endOf(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** A finding whose (possibly partial) date overlaps the inclusive [from, to] range passes. */
export function overlapsDateRange(date: string, from: string, to: string): boolean {
  if (from && endOf(date) < startOf(from)) return false;
  if (to && startOf(date) > endOf(to)) return false;
  return true;
}

export function passesFilters(finding: Finding, filters: Filters, entities: EntityIndex): boolean {
  if (filters.vendors.length > 0) {
    const owners = listOwners(finding.vendor, entities);
    if (!owners.some((id) => filters.vendors.includes(id))) return false;
  }
  if (filters.customers.length > 0) {
    if (finding.customer === null || !listOwners(finding.customer, entities).some((id) => filters.customers.includes(id))) return false;
  }
  if (filters.countries.length > 0) {
    const country = finding.customer === null ? undefined : entities.get(finding.customer)?.country;
    if (country === undefined || !filters.countries.includes(country)) return false;
  }
  if (filters.kinds.length > 0 && !filters.kinds.includes(finding.kind)) return false;
  if (filters.statuses.length > 0 && !filters.statuses.includes(finding.status)) return false;
  if (filters.publishers.length > 0 && !finding.sources.some((source) => filters.publishers.includes(source.publisher))) return false;
  return overlapsDateRange(finding.date, filters.from, filters.to);
}

/** How many findings pass, for "N of M findings shown". */
export function countPassing(findings: readonly Finding[], filters: Filters, entities: EntityIndex): number {
  let passing = 0;
  for (const finding of findings) if (passesFilters(finding, filters, entities)) passing += 1;
  return passing;
}

/** How many choices narrow the findings (each ticked value, each date bound), for "Filters (3 active)". */
export function countActiveFilters(filters: Filters): number {
  const lists = [filters.vendors, filters.customers, filters.countries, filters.kinds, filters.statuses, filters.publishers];
  return lists.reduce((n, list) => n + list.length, 0) + (filters.from ? 1 : 0) + (filters.to ? 1 : 0);
}
