import { describe, expect, it } from 'vitest';
import { indexEntities } from '../filters';
import { sampleDataset } from '../present/test-data';
import { defaultSettings } from '../settings';
import { exportToJson } from './json-export';

describe('exportToJson', () => {
  const findings = sampleDataset.findings.filter((finding) => ['gh-ice', 'palantir-orion'].includes(finding.id));
  const json = JSON.parse(exportToJson({
    extensionVersion: '1.0.0', datasetVersion: 'test', exportedAt: new Date('2026-01-02T03:04:05Z'),
    route: { view: 'vendor', id: 'microsoft' }, filters: defaultSettings.filters, query: 'défense', sort: 'date-desc',
    findings, entities: indexEntities(sampleDataset.entities),
  })) as Record<string, unknown>;

  it('says what it is and what view it was', () => {
    expect(json).toMatchObject({
      format: 'dual-use-explore', version: 1, extensionVersion: '1.0.0', datasetVersion: 'test',
      exportedAt: '2026-01-02T03:04:05.000Z', view: { route: { view: 'vendor', id: 'microsoft' }, query: 'défense', sort: 'date-desc' },
    });
  });

  it('holds the findings as they are, and the entities they name with their parents', () => {
    expect(json.findings).toEqual(findings);
    expect((json.entities as { id: string }[]).map((entity) => entity.id)).toEqual(['github', 'microsoft', 'palantir', 'us-department-of-defense']);
  });
});
