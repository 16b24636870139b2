// A long list that keeps only the rows on screen in the document (lib/explore/window.ts decides
// which): rows have one fixed height, each says its place (aria-posinset/setsize) so a screen
// reader still hears "12 of 150", and the row holding keyboard focus is never taken away.
import { visibleRows } from '../../lib/explore/window';

export class WindowedList<T> {
  private items: readonly T[] = [];
  private rendered = new Map<number, HTMLLIElement>();
  private frame = 0;
  private readonly onScroll = () => this.schedule();

  constructor(
    readonly element: HTMLOListElement,
    private readonly rowHeight: number,
    private readonly renderRow: (item: T, index: number) => HTMLLIElement,
  ) {
    element.classList.add('windowed');
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll);
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    for (const row of this.rendered.values()) row.remove();
    this.rendered.clear();
    this.element.style.height = `${items.length * this.rowHeight}px`;
    this.update();
  }

  /** Stops listening (the view was replaced). */
  dispose(): void {
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    cancelAnimationFrame(this.frame);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  private update(): void {
    if (!this.element.isConnected) return;
    const { start, end } = visibleRows(this.element.getBoundingClientRect().top, window.innerHeight, this.rowHeight, this.items.length);
    const focused = document.activeElement?.closest('li');
    for (const [index, row] of this.rendered) {
      if ((index < start || index >= end) && row !== focused) {
        row.remove();
        this.rendered.delete(index);
      }
    }
    for (let index = start; index < end; index++) {
      if (this.rendered.has(index)) continue;
      const row = this.renderRow(this.items[index]!, index);
      row.style.top = `${index * this.rowHeight}px`;
      row.style.height = `${this.rowHeight}px`;
      row.setAttribute('aria-setsize', String(this.items.length));
      row.setAttribute('aria-posinset', String(index + 1));
      // Document order follows list order, so Tab and reading order stay top to bottom.
      const next = [...this.rendered].filter(([other]) => other > index).sort(([a], [b]) => a - b)[0]?.[1] ?? null;
      this.element.insertBefore(row, next);
      this.rendered.set(index, row);
    }
  }
}
