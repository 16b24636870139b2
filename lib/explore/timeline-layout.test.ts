import { describe, expect, it } from 'vitest';
import { labelStep, layoutTimeline, linearScale, polygonPoints, radiusFor, RADIUS, yearFraction, type TimelineItem } from './timeline-layout';

const item = (id: string, date: string, row = 'a', extra: Partial<TimelineItem> = {}): TimelineItem =>
  ({ id, date, row, status: 'reported', kind: 'cloud', ...extra });

describe('yearFraction', () => {
  it.each([
    ['2023', 2023.5],
    ['2023-01', 2023 + 0.5 / 12],
    ['2023-12', 2023 + 11.5 / 12],
    ['2024-01-01', 2024 + 0.5 / 366],
  ])('%s', (date, expected) => {
    expect(yearFraction(date)).toBeCloseTo(expected, 6);
  });

  it('keeps dates in order within a year', () => {
    expect(yearFraction('2023-03-01')).toBeLessThan(yearFraction('2023-03-31'));
    expect(yearFraction('2023-03-31')).toBeLessThan(yearFraction('2023-04'));
  });
});

describe('scales', () => {
  it('maps linearly and handles an empty domain', () => {
    const x = linearScale(2000, 2010, 0, 100);
    expect(x(2005)).toBe(50);
    expect(x(2010)).toBe(100);
    expect(linearScale(5, 5, 0, 10)(5)).toBe(5);
  });

  it('labels fewer years when they are narrow', () => {
    expect(labelStep(60)).toBe(1);
    expect(labelStep(30)).toBe(2);
    expect(labelStep(10)).toBe(5);
  });
});

describe('radiusFor', () => {
  const largest = new Map([['USD', 100], ['GBP', 4]]);
  it('compares amounts only within their currency', () => {
    expect(radiusFor({ value: 100, currency: 'USD' }, largest)).toBe(RADIUS.max);
    expect(radiusFor({ value: 4, currency: 'GBP' }, largest)).toBe(RADIUS.max);
    expect(radiusFor({ value: 25, currency: 'USD' }, largest)).toBeCloseTo(RADIUS.min + (RADIUS.max - RADIUS.min) / 2);
  });
  it('gives marks without an amount the base size', () => {
    expect(radiusFor(undefined, largest)).toBe(RADIUS.none);
    expect(radiusFor({ value: 0, currency: 'USD' }, largest)).toBe(RADIUS.none);
  });
});

describe('layoutTimeline', () => {
  it('puts one mark per item, in its row, at its date', () => {
    const layout = layoutTimeline(
      [item('x', '2020'), item('y', '2022-06', 'b'), item('z', '2021', 'a', { status: 'denied', amount: { value: 9, currency: 'USD', ceiling: true, shared: true } })],
      [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }],
    );
    expect(layout.marks.map((mark) => mark.id).sort()).toEqual(['x', 'y', 'z']);
    const byId = new Map(layout.marks.map((mark) => [mark.id, mark]));
    expect(byId.get('x')!.x).toBeLessThan(byId.get('z')!.x);
    expect(byId.get('z')!.x).toBeLessThan(byId.get('y')!.x);
    const [rowA, rowB] = layout.rows;
    expect(byId.get('x')!.y).toBeGreaterThan(rowA!.top);
    expect(byId.get('x')!.y).toBeLessThan(rowA!.top + rowA!.height);
    expect(byId.get('y')!.y).toBeGreaterThan(rowB!.top);
    expect(byId.get('z')).toMatchObject({ shape: 'triangle', ceiling: true, shared: true, radius: RADIUS.max });
    expect(layout.ticks.filter((tick) => tick.labelled).map((tick) => tick.year)).toEqual([2020, 2021, 2022]);
  });

  it('stacks marks of the same row that would overlap into lanes', () => {
    const layout = layoutTimeline([item('p', '2020-05'), item('q', '2020-05'), item('r', '2020-05')], [{ key: 'a', label: 'A' }]);
    const ys = layout.marks.map((mark) => mark.y);
    expect(new Set(ys).size).toBe(3);
    expect(layout.rows[0]!.height).toBeGreaterThanOrEqual(3 * 30);
    for (const mark of layout.marks) expect(mark.y + mark.radius).toBeLessThanOrEqual(layout.rows[0]!.top + layout.rows[0]!.height);
  });

  it('grows wider than asked rather than squeezing many years', () => {
    const layout = layoutTimeline([item('old', '1990'), item('new', '2025')], [{ key: 'a', label: 'A' }], {
      width: 360, labelWidth: 100, laneHeight: 30, axisHeight: 28, minYearWidth: 20,
    });
    expect(layout.width).toBeGreaterThan(36 * 20);
    for (const mark of layout.marks) {
      expect(mark.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(mark.x).toBeLessThanOrEqual(layout.plot.right);
    }
  });

  it('can put labels above the rows, keeping marks inside their row below the label', () => {
    const layout = layoutTimeline([item('x', '2020'), item('y', '2021', 'b')], [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], {
      width: 360, labelWidth: 0, laneHeight: 30, axisHeight: 28, minYearWidth: 20, labelHeight: 16,
    });
    for (const [position, mark] of layout.marks.entries()) {
      const row = layout.rows[position]!;
      expect(row.labelAbove).toBe(true);
      expect(mark.y - mark.radius).toBeGreaterThanOrEqual(row.top + 16);
      expect(mark.y + mark.radius).toBeLessThanOrEqual(row.top + row.height);
    }
  });

  it('draws an empty timeline without failing', () => {
    const layout = layoutTimeline([], []);
    expect(layout.marks).toEqual([]);
    expect(layout.height).toBeGreaterThan(0);
  });
});

describe('polygonPoints', () => {
  it('gives three points for a triangle and four for a diamond', () => {
    expect(polygonPoints('triangle', 10, 10, 5).split(' ')).toHaveLength(3);
    expect(polygonPoints('diamond', 10, 10, 5).split(' ')).toHaveLength(4);
  });
});
