import {
  INK,
  linearScale,
  maxOf,
  minOf,
  niceTicks,
  px,
  svgFrame,
  svgText,
  textWidth,
} from './_svg.js';
import { escapeHtml } from '../escapeHtml.js';
import type { ChartText } from './_svg.js';

/** One series of a `columnChart`: a value for each category. */
export interface ColumnChartSeries {
  readonly name: string;
  readonly color: string;
  /** One value per category, in the chart's unit (drawing only). */
  readonly values: readonly number[];
  /** The formatted figures, one per category, shown on hover and read by screen readers. */
  readonly labels: readonly string[];
}

/** Data of `columnChart`. */
export interface ColumnChartData extends ChartText {
  /** The labels along the horizontal axis (e.g. years). */
  readonly categories: readonly string[];
  readonly series: readonly ColumnChartSeries[];
  readonly formatTick: (value: number) => string;
  /** The name of the horizontal axis, e.g. `Year`. */
  readonly axisLabel: string;
}

/**
 * A grouped column chart as an SVG string: for each category, one column per series side by
 * side, with a legend, a value axis at the left and every figure in a `<title>`. Used for value
 * by year, undiscounted beside discounted.
 *
 * @example
 * columnChart({ id: 'y', title: 'By year', description: 'Value by year', formatTick: String,
 *   axisLabel: 'Year', categories: ['1'],
 *   series: [{ name: 'Value', color: '#0072B2', values: [5], labels: ['£5'] }] }).includes('<rect');
 * //=> true
 */
export function columnChart(data: ColumnChartData): string {
  const width = 640;
  const height = 280;
  const top = 34;
  const bottom = height - 44;
  const all = data.series.flatMap((s) => s.values);
  const ticks = niceTicks(minOf(all), maxOf(all), 5);
  const left = maxOf(ticks.map((t) => textWidth(data.formatTick(t), 11))) + 14;
  const right = width - 8;
  const y = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, bottom, top);
  const groupWidth = (right - left) / Math.max(1, data.categories.length);
  const columnWidth = (groupWidth * 0.8) / Math.max(1, data.series.length);
  const labelEvery = Math.ceil(data.categories.length / 16);

  const legend = data.series
    .map((s, i) => {
      const x = left + i * 210;
      return (
        `<rect x="${px(x)}" y="8" width="12" height="12" fill="${s.color}"/>` +
        svgText(x + 18, 18, s.name)
      );
    })
    .join('');
  const grid = ticks
    .map(
      (tick) =>
        `<line x1="${px(left)}" x2="${px(right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="${tick === 0 ? INK.rule : INK.grid}"/>` +
        svgText(left - 6, y(tick) + 4, data.formatTick(tick), {
          'text-anchor': 'end',
          fill: INK.muted,
          'font-size': 11,
        }),
    )
    .join('');
  const columns = data.categories
    .map((category, c) => {
      const groupLeft = left + c * groupWidth + groupWidth * 0.1;
      const bars = data.series
        .map((s, k) => {
          const value = s.values[c] ?? 0;
          const y0 = y(Math.max(0, value));
          const y1 = y(Math.min(0, value));
          return (
            `<rect x="${px(groupLeft + k * columnWidth)}" y="${px(y0)}" width="${px(columnWidth)}" height="${px(Math.max(y1 - y0, 0))}" fill="${s.color}">` +
            `<title>${escapeHtml(`${data.axisLabel} ${category}, ${s.name}: ${s.labels[c] ?? ''}`)}</title></rect>`
          );
        })
        .join('');
      const label =
        c % labelEvery === 0
          ? svgText(left + (c + 0.5) * groupWidth, bottom + 16, category, {
              'text-anchor': 'middle',
              fill: INK.muted,
              'font-size': 11,
            })
          : '';
      return bars + label;
    })
    .join('');
  const axisLabel = svgText((left + right) / 2, height - 6, data.axisLabel, {
    'text-anchor': 'middle',
    fill: INK.muted,
  });
  return svgFrame(data, width, height, legend + grid + columns + axisLabel);
}
