// JSON export of explore's current view: the findings shown, in the dataset's own shapes (DESIGN.md),
// the entities they name (companies with their parents, customers), and what the view was.
import type { Entity, Finding } from '../dataset/types';
import type { EntityIndex } from '../filters';
import { listOwners } from '../filters';
import type { Filters } from '../settings';
import type { ExploreRoute } from './route';
import type { SortKey } from './view-model';

export interface ExploreExport {
  format: 'dual-use-explore';
  version: 1;
  extensionVersion: string;
  datasetVersion: string;
  exportedAt: string;
  view: { route: ExploreRoute; filters: Filters; query: string; sort: SortKey };
  findings: Finding[];
  entities: Entity[];
}

export interface ExportInput {
  extensionVersion: string;
  datasetVersion: string;
  exportedAt: Date;
  route: ExploreRoute;
  filters: Filters;
  query: string;
  sort: SortKey;
  findings: readonly Finding[];
  entities: EntityIndex;
}

export function buildExport(input: ExportInput): ExploreExport {
  const named = new Set<string>();
  for (const finding of input.findings) {
    for (const id of listOwners(finding.vendor, input.entities)) named.add(id);
    if (finding.customer !== null) for (const id of listOwners(finding.customer, input.entities)) named.add(id);
  }
  return {
    format: 'dual-use-explore',
    version: 1,
    extensionVersion: input.extensionVersion,
    datasetVersion: input.datasetVersion,
    exportedAt: input.exportedAt.toISOString(),
    view: { route: input.route, filters: input.filters, query: input.query, sort: input.sort },
    findings: [...input.findings],
    entities: [...named].sort().flatMap((id) => input.entities.get(id) ?? []),
  };
}

export function exportToJson(input: ExportInput): string {
  return JSON.stringify(buildExport(input), null, 2) + '\n';
}
