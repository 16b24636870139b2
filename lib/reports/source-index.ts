// Which findings cite a page: every source address of the dataset keyed once (sourceKey), so a
// tab's address is one map look-up however many findings and sources there are.
import type { Finding } from '../dataset/types';
import { sourceKey } from './url-key';

export interface SourceIndex {
  /** Ids of the findings listing `address` among their sources (in any variant), dataset order. */
  citing(address: string): string[];
}

export function buildSourceIndex(findings: readonly Finding[]): SourceIndex {
  const byKey = new Map<string, string[]>();
  for (const finding of findings) {
    for (const source of finding.sources) {
      const key = sourceKey(source.url);
      if (key === null) continue;
      const ids = byKey.get(key);
      if (!ids) byKey.set(key, [finding.id]);
      else if (!ids.includes(finding.id)) ids.push(finding.id);
    }
  }
  return {
    citing(address) {
      const key = sourceKey(address);
      return key === null ? [] : [...(byKey.get(key) ?? [])];
    },
  };
}
