// Puts a validated dataset in its canonical form: derived amountUsd, entities sorted by id,
// findings newest first. Pure and idempotent; it never changes what a finding says.
import type { Dataset, Entity, Finding } from './types';

/** amount.value when the amount is in US dollars, else null; undefined when there is no amount. */
export function deriveAmountUsd(finding: Finding): number | null | undefined {
  if (!finding.amount) return undefined;
  return finding.amount.currency === 'USD' ? finding.amount.value : null;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Newest first; partial dates ("2025-05") sort as their first day; ties by id for a stable order. */
function compareFindings(a: Finding, b: Finding): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return byId(a, b);
}

export function normaliseDataset(dataset: Dataset): Dataset {
  const entities: Entity[] = [...dataset.entities].sort(byId);
  const findings: Finding[] = dataset.findings
    .map((finding) => {
      const amountUsd = deriveAmountUsd(finding);
      const { amountUsd: _ignored, ...rest } = finding;
      return amountUsd === undefined ? rest : { ...rest, amountUsd };
    })
    .sort(compareFindings);
  return { version: dataset.version, entities, topics: dataset.topics, findings };
}
