/**
 * The SVG chart functions draw what they are given, to scale. Geometry is read back from the
 * SVG's `<rect>` elements.
 */
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/report/charts/barChart.js';
import { columnChart } from '../../src/report/charts/columnChart.js';
import { histogramChart } from '../../src/report/charts/histogramChart.js';
import { tornadoChart } from '../../src/report/charts/tornadoChart.js';
import { waterfallChart } from '../../src/report/charts/waterfallChart.js';

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
}

function rects(svg: string): Rect[] {
  return [...svg.matchAll(/<rect ([^>]*?)\/?>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1] ?? '')?.[1] ?? '';
    return {
      x: Number(attr('x')),
      y: Number(attr('y')),
      width: Number(attr('width')),
      height: Number(attr('height')),
      fill: attr('fill'),
    };
  });
}

const text = { id: 'c', title: 'A <title>', description: 'A "description" & more' };

describe('barChart', () => {
  const svg = barChart({
    ...text,
    formatTick: String,
    bars: [
      { label: 'Two', value: 200, valueLabel: '£200' },
      { label: 'One', value: 100, valueLabel: '£100' },
      { label: 'Minus one', value: -100, valueLabel: '-£100' },
    ],
  });

  it('draws bars in proportion to their values, from zero', () => {
    const [two, one, minus] = rects(svg);
    expect(two?.width).toBeCloseTo(2 * (one?.width ?? 0), 1);
    expect(two?.x).toBe(one?.x);
    // a negative bar ends where the positive ones start: at zero
    expect((minus?.x ?? 0) + (minus?.width ?? 0)).toBeCloseTo(one?.x ?? 0, 1);
    expect(minus?.width).toBeCloseTo(one?.width ?? 0, 1);
  });

  it('has an escaped <title> and <desc> and names them for screen readers', () => {
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">A &lt;title&gt;</title>');
    expect(svg).toContain('<desc id="c-desc">A &quot;description&quot; &amp; more</desc>');
  });

  it('prints each figure as given', () => {
    expect(svg).toContain('>£200</text>');
    expect(svg).toContain('>-£100</text>');
  });

  it('draws more bars than a function call has room for arguments', () => {
    // 150,000 bars: Math.max(...widths) overflowed the stack (a generated map can have a
    // stakeholder per row). One bar of 150,000 at the largest value: the widest of them all.
    const bars = Array.from({ length: 150_000 }, (_, i) => ({
      label: `s${i}`,
      value: i + 1,
      valueLabel: String(i + 1),
    }));
    const many = rects(barChart({ ...text, formatTick: String, bars }));
    expect(many).toHaveLength(150_000);
    const widest = Math.max(...many.slice(-10).map((r) => r.width));
    expect(many[many.length - 1]?.width).toBe(widest);
  });
});

describe('columnChart', () => {
  it('draws one column per series and category, heights in proportion', () => {
    const svg = columnChart({
      ...text,
      formatTick: String,
      axisLabel: 'Year',
      categories: ['1', '2'],
      series: [
        { name: 'Value', color: '#111111', values: [300, 100], labels: ['300', '100'] },
        { name: 'PV', color: '#222222', values: [150, 50], labels: ['150', '50'] },
      ],
    });
    const bars = rects(svg).filter((r) => r.width > 12); // legend swatches are 12 wide
    expect(bars).toHaveLength(4);
    const [v1, p1, v2, p2] = bars;
    expect(v1?.height).toBeCloseTo(3 * (v2?.height ?? 0), 1);
    expect(v1?.height).toBeCloseTo(2 * (p1?.height ?? 0), 1);
    expect(p1?.height).toBeCloseTo(3 * (p2?.height ?? 0), 1);
    // columns stand on one baseline
    expect((v1?.y ?? 0) + (v1?.height ?? 0)).toBeCloseTo((p2?.y ?? 0) + (p2?.height ?? 0), 1);
  });
});

describe('waterfallChart', () => {
  it('starts each change where the level before it ended', () => {
    const svg = waterfallChart({
      ...text,
      formatTick: String,
      steps: [
        { label: 'Gross', kind: 'total', value: 100, valueLabel: '100' },
        { label: 'Deadweight', kind: 'change', value: -20, valueLabel: '−20' },
        { label: 'Attribution', kind: 'change', value: -40, valueLabel: '−40' },
        { label: 'Disbenefit removed', kind: 'change', value: 10, valueLabel: '+10' },
        { label: 'PV', kind: 'total', value: 50, valueLabel: '50' },
      ],
    });
    const [gross, dead, attr, plus, pv] = rects(svg);
    const unit = (gross?.width ?? 0) / 100;
    const right = (r: Rect | undefined) => (r?.x ?? 0) + (r?.width ?? 0);
    expect(right(dead)).toBeCloseTo(right(gross), 1); // from 100 down to 80
    expect(dead?.width).toBeCloseTo(20 * unit, 1);
    expect(right(attr)).toBeCloseTo(dead?.x ?? 0, 1); // from 80 down to 40
    expect(attr?.width).toBeCloseTo(40 * unit, 1);
    expect(plus?.x).toBeCloseTo(attr?.x ?? 0, 1); // from 40 up to 50
    expect(right(plus)).toBeCloseTo(right(pv), 1);
    expect([gross?.fill, dead?.fill, plus?.fill]).toEqual(['#0072B2', '#D55E00', '#009E73']);
  });
});

describe('tornadoChart', () => {
  it('draws each end from the base case, low end and high end in their own colours', () => {
    const svg = tornadoChart({
      ...text,
      formatTick: String,
      base: 2,
      baseLabel: '2.00',
      target: { value: 1, label: 'target 1' },
      rows: [{ label: 'deadweight', low: 3, high: 1.5, lowLabel: '3.00', highLabel: '1.50' }],
    });
    const [, , low, high] = rects(svg); // the first two are the legend
    expect(low?.x).toBeCloseTo((high?.x ?? 0) + (high?.width ?? 0), 1); // both start at the base
    expect(low?.width).toBeCloseTo(2 * (high?.width ?? 0), 1); // 3 − 2 = 1 against 2 − 1.5 = 0.5
    expect([low?.fill, high?.fill]).toEqual(['#56B4E9', '#E69F00']);
  });
});

describe('histogramChart', () => {
  it('draws adjacent columns with heights in proportion to the counts', () => {
    const svg = histogramChart({
      ...text,
      formatTick: String,
      axisLabel: 'SROI ratio',
      bins: [
        { from: 0.5, to: 1, count: 10, label: 'a' },
        { from: 1, to: 1.5, count: 40, label: 'b' },
        { from: 1.5, to: 2, count: 20, label: 'c' },
      ],
      markers: [{ value: 1, label: 'ratio 1', color: '#D55E00' }],
    });
    const [a, b, c] = rects(svg);
    expect(b?.height).toBeCloseTo(4 * (a?.height ?? 0), 1);
    expect(b?.height).toBeCloseTo(2 * (c?.height ?? 0), 1);
    expect(b?.x).toBeGreaterThan(a?.x ?? 0);
    expect(svg).toContain('>ratio 1</text>');
  });
});
