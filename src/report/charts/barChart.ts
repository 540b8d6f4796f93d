import {
  OKABE_ITO,
  labelRows,
  linearScale,
  maxOf,
  minOf,
  niceTicks,
  px,
  svgFrame,
  svgLines,
  svgText,
  textWidth,
  verticalGrid,
} from './_svg.js';
import { escapeHtml } from '../escapeHtml.js';
import type { ChartText } from './_svg.js';

/** One bar of a `barChart`. */
export interface BarChartBar {
  readonly label: string;
  /** Where the bar ends, in the chart's unit (drawing only). */
  readonly value: number;
  /** The figure printed beside the bar, already formatted. */
  readonly valueLabel: string;
}

/** Data of `barChart`. */
export interface BarChartData extends ChartText {
  readonly bars: readonly BarChartBar[];
  /** Formats an axis tick. */
  readonly formatTick: (value: number) => string;
  readonly color?: string;
}

/**
 * A horizontal bar chart as an SVG string: one labelled bar per item, drawn from zero (so that
 * negative values, e.g. disbenefits, point left), the formatted figure at the right, a value axis
 * below. Used for value by stakeholder and by category.
 *
 * @example
 * barChart({ id: 'c', title: 'PV', description: 'PV by group', formatTick: String,
 *            bars: [{ label: 'A', value: 2, valueLabel: '£2' }] }).startsWith('<svg');
 * //=> true
 */
export function barChart(data: BarChartData): string {
  const rowHeight = 28;
  const top = 8;
  const valueWidth = maxOf(
    data.bars.map((bar) => textWidth(bar.valueLabel) + 10),
    70,
  );
  // Labels are wrapped, never cut: the label column is as wide as the widest line.
  const layout = labelRows(
    data.bars.map((bar) => bar.label),
    30,
    rowHeight,
    top,
    valueWidth,
  );
  const { labelWidth, width } = layout;
  const ticks = niceTicks(
    minOf(data.bars.map((bar) => bar.value)),
    maxOf(data.bars.map((bar) => bar.value)),
    5,
  );
  const plotLeft = labelWidth;
  const plotRight = width - valueWidth;
  const x = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, plotLeft, plotRight);
  const plotBottom = layout.bottom;
  const height = plotBottom + 26;

  const grid = verticalGrid(ticks, x, top, plotBottom, data.formatTick);
  const bars = data.bars
    .map((bar, i) => {
      const { y, height: h, lines } = layout.rows[i] ?? { y: top, height: rowHeight, lines: [] };
      const x0 = x(Math.min(0, bar.value));
      const x1 = x(Math.max(0, bar.value));
      return (
        `<g>` +
        `<title>${escapeHtml(`${bar.label}: ${bar.valueLabel}`)}</title>` +
        svgLines(plotLeft - 8, y + h / 2, lines, { 'text-anchor': 'end' }) +
        `<rect x="${px(x0)}" y="${px(y + (h - 18) / 2)}" width="${px(Math.max(x1 - x0, bar.value === 0 ? 0 : 1))}" height="18" fill="${data.color ?? OKABE_ITO.blue}"/>` +
        svgText(width - 4, y + h / 2 + 4, bar.valueLabel, {
          'text-anchor': 'end',
          'font-variant-numeric': 'tabular-nums',
        }) +
        `</g>`
      );
    })
    .join('');
  return svgFrame(data, width, height, grid + bars);
}
