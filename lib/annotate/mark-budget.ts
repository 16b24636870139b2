// Counts every mention per company (for the background's report) and lets only the first
// `cap` of each company be marked on the page. Invariant: counts only grow until reset().
import type { Mention } from '../matcher/types';
import type { VendorMentions } from '../messaging';

export class MarkBudget {
  private readonly byVendor = new Map<string, VendorMentions>();
  private readonly marked = new Map<string, number>();

  constructor(private marksPerCompany: number) {}

  /** How many mentions of each company are marked. */
  get cap(): number {
    return this.marksPerCompany;
  }

  /** Records a mention; true when it may still be marked (the company's first `cap`). */
  take(mention: Mention): boolean {
    let entry = this.byVendor.get(mention.vendor);
    if (!entry) {
      entry = { vendor: mention.vendor, count: 0, aliases: {} };
      this.byVendor.set(mention.vendor, entry);
    }
    entry.count += 1;
    entry.aliases[mention.alias] = (entry.aliases[mention.alias] ?? 0) + 1;
    const used = this.marked.get(mention.vendor) ?? 0;
    if (used >= this.marksPerCompany) return false;
    this.marked.set(mention.vendor, used + 1);
    return true;
  }

  /** The per-vendor summary sent with `page-mentions`, most mentioned first. */
  report(): VendorMentions[] {
    return [...this.byVendor.values()]
      .map((v) => ({ vendor: v.vendor, count: v.count, aliases: { ...v.aliases } }))
      .sort((a, b) => b.count - a.count || a.vendor.localeCompare(b.vendor));
  }

  reset(cap: number): void {
    this.marksPerCompany = cap;
    this.byVendor.clear();
    this.marked.clear();
  }
}
