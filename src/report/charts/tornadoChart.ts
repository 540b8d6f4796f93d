import {
  INK,
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

/** One assumption of a `tornadoChart`: the result with the assumption at each end. */
export interface TornadoChartRow {
  readonly label: string;
  /** The result with the assumption at its low end (drawing only). */
  readonly low: number;
  readonly high: number;
  readonly lowLabel: string;
  readonly highLabel: string;
}

/** Data of `tornadoChart`. */
export interface TornadoChartData extends ChartText {
  /** The base-case result, where every bar starts. */
  readonly base: number;
  readonly baseLabel: string;
  /** A reference line, e.g. the target ratio 1. */
  readonly target?: { readonly value: number; readonly label: string };
  /** In the order they are drawn, widest swing first. */
  readonly rows: readonly TornadoChartRow[];
  readonly formatTick: (value: number) => string;
}

/**
 * A tornado chart as an SVG string: for each assumption a bar from the base case to the result
 * with the assumption at its low end (sky blue) and one to the result at its high end (orange),
 * a line at the base case and a dashed line at the target. Used for one-way sensitivity.
 *
 * @example
 * tornadoChart({ id: 't', title: 'Tornado', description: 'One-way', formatTick: String,
 *   base: 2, baseLabel: '2.00', rows: [{ label: 'deadweight', low: 2.5, high: 1.5,
 *   lowLabel: '2.50', highLabel: '1.50' }] }).match(/<rect/g).length;
 * //=> 4
 */
export function tornadoChart(data: TornadoChartData): string {
  const rowHeight = 26;
  const top = 30;
  const values = [
    data.base,
    ...data.rows.flatMap((r) => [r.low, r.high]),
    ...(data.target === undefined ? [] : [data.target.value]),
  ];
  const ticks = niceTicks(minOf(values), maxOf(values), 6);
  const valueWidth = maxOf(
    data.rows.map((r) => textWidth(`${r.lowLabel} – ${r.highLabel}`) + 10),
    90,
  );
  // Labels are wrapped, never cut: the label column is as wide as the widest line.
  const layout = labelRows(
    data.rows.map((row) => row.label),
    34,
    rowHeight,
    top,
    valueWidth,
  );
  const { labelWidth, width } = layout;
  const x = linearScale(
    ticks[0] ?? 0,
    ticks[ticks.length - 1] ?? 1,
    labelWidth,
    width - valueWidth,
  );
  const plotBottom = layout.bottom;
  const height = plotBottom + 26;

  // The legend, one item after another: two swatches, the base-case line, the target line.
  const items: { mark: (x: number) => string; label: string }[] = [
    {
      mark: (x) => `<rect x="${px(x)}" y="6" width="12" height="12" fill="${OKABE_ITO.skyBlue}"/>`,
      label: 'low end of range',
    },
    {
      mark: (x) => `<rect x="${px(x)}" y="6" width="12" height="12" fill="${OKABE_ITO.orange}"/>`,
      label: 'high end',
    },
    {
      mark: (x) =>
        `<line x1="${px(x + 6)}" x2="${px(x + 6)}" y1="4" y2="20" stroke="${INK.text}" stroke-width="1.5"/>`,
      label: `base case ${data.baseLabel}`,
    },
    ...(data.target === undefined
      ? []
      : [
          {
            mark: (x: number) =>
              `<line x1="${px(x + 6)}" x2="${px(x + 6)}" y1="4" y2="20" stroke="${OKABE_ITO.vermillion}" stroke-width="1.5" stroke-dasharray="4 2"/>`,
            label: data.target.label,
          },
        ]),
  ];
  let legendX = Math.min(labelWidth, 40);
  const legend = items
    .map((item) => {
      const x = legendX;
      legendX += 18 + textWidth(item.label) + 16;
      return item.mark(x) + svgText(x + 18, 16, item.label);
    })
    .join('');
  const grid = verticalGrid(ticks, x, top, plotBottom, data.formatTick, false);
  const bar = (from: number, to: number, y: number, h: number, color: string) => {
    const x0 = x(Math.min(from, to));
    const x1 = x(Math.max(from, to));
    return `<rect x="${px(x0)}" y="${px(y + (h - 16) / 2)}" width="${px(Math.max(x1 - x0, from === to ? 0 : 1))}" height="16" fill="${color}"/>`;
  };
  const rows = data.rows
    .map((row, i) => {
      const { y, height: h, lines } = layout.rows[i] ?? { y: top, height: rowHeight, lines: [] };
      return (
        `<g><title>${escapeHtml(`${row.label}: ${row.lowLabel} at the low end, ${row.highLabel} at the high end (base ${data.baseLabel})`)}</title>` +
        svgLines(labelWidth - 8, y + h / 2, lines, { 'text-anchor': 'end' }) +
        bar(data.base, row.low, y, h, OKABE_ITO.skyBlue) +
        bar(data.base, row.high, y, h, OKABE_ITO.orange) +
        svgText(width - 4, y + h / 2 + 4, `${row.lowLabel} – ${row.highLabel}`, {
          'text-anchor': 'end',
        }) +
        `</g>`
      );
    })
    .join('');
  const baseLine =
    `<line x1="${px(x(data.base))}" x2="${px(x(data.base))}" y1="${top - 4}" y2="${plotBottom}" stroke="${INK.text}" stroke-width="1.5"/>` +
    `<title>${escapeHtml(`base case ${data.baseLabel}`)}</title>`;
  const target =
    data.target === undefined
      ? ''
      : `<line x1="${px(x(data.target.value))}" x2="${px(x(data.target.value))}" y1="${top - 4}" y2="${plotBottom}" stroke="${OKABE_ITO.vermillion}" stroke-width="1.5" stroke-dasharray="5 3"><title>${escapeHtml(data.target.label)}</title></line>`;
  return svgFrame(data, width, height, legend + grid + rows + baseLine + target);
}
