// Lets only the first `cap` mentions of each company be marked on the page (the background counts
// every mention). Invariant: what was taken stays taken until reset().
import type { Mention } from '../matcher/types';

export class MarkBudget {
  private readonly marked = new Map<string, number>();

  constructor(private marksPerCompany: number) {}

  /** How many mentions of each company are marked. */
  get cap(): number {
    return this.marksPerCompany;
  }

  /** True when this company may still have a mark (without taking it). */
  canTake(mention: Mention): boolean {
    return (this.marked.get(mention.vendor) ?? 0) < this.marksPerCompany;
  }

  /** Takes one mark for the mention's company; true when it may be marked (the company's first `cap`). */
  take(mention: Mention): boolean {
    const used = this.marked.get(mention.vendor) ?? 0;
    if (used >= this.marksPerCompany) return false;
    this.marked.set(mention.vendor, used + 1);
    return true;
  }

  reset(cap: number): void {
    this.marksPerCompany = cap;
    this.marked.clear();
  }
}
