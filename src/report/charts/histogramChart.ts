import {
  INK,
  OKABE_ITO,
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

/** One bin of a `histogramChart`: how many draws fell from `from` up to `to`. */
export interface HistogramChartBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** The bin as a reader sees it, e.g. `1.50–1.60: 412 draws`. */
  readonly label: string;
}

/** A vertical reference line on a histogram, e.g. the ratio 1 or the median. */
export interface HistogramChartMarker {
  readonly value: number;
  readonly label: string;
  readonly color: string;
}

/** Data of `histogramChart`. */
export interface HistogramChartData extends ChartText {
  readonly bins: readonly HistogramChartBin[];
  readonly markers?: readonly HistogramChartMarker[];
  /** The name of the horizontal axis, e.g. `SROI ratio`. */
  readonly axisLabel: string;
  readonly formatTick: (value: number) => string;
}

/**
 * A histogram as an SVG string: adjacent columns, one per bin, a count axis at the left, the
 * measured quantity along the bottom and labelled reference lines. Used for the Monte Carlo
 * distribution of the SROI ratio.
 *
 * @example
 * histogramChart({ id: 'h', title: 'Ratio', description: 'Draws', axisLabel: 'SROI ratio',
 *   formatTick: String, bins: [{ from: 1, to: 2, count: 3, label: '1–2: 3' }] }).includes('<rect');
 * //=> true
 */
export function histogramChart(data: HistogramChartData): string {
  const width = 640;
  const height = 260;
  const top = 22;
  const bottom = height - 42;
  const counts = data.bins.map((b) => b.count);
  const countTicks = niceTicks(0, maxOf(counts, 1), 4);
  const left = maxOf(countTicks.map((t) => textWidth(String(t), 11))) + 14;
  const right = width - 12;
  const lo = minOf(data.bins.map((b) => b.from));
  const hi = maxOf(data.bins.map((b) => b.to));
  const x = linearScale(lo, hi, left, right);
  const y = linearScale(0, countTicks[countTicks.length - 1] ?? 1, bottom, top);
  const xTicks = niceTicks(lo, hi, 6, false).filter((t) => t >= lo && t <= hi);

  const grid =
    countTicks
      .map(
        (tick) =>
          `<line x1="${px(left)}" x2="${px(right)}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="${tick === 0 ? INK.rule : INK.grid}"/>` +
          svgText(left - 6, y(tick) + 4, String(tick), {
            'text-anchor': 'end',
            fill: INK.muted,
            'font-size': 11,
          }),
      )
      .join('') +
    xTicks
      .map((tick) =>
        svgText(x(tick), bottom + 16, data.formatTick(tick), {
          'text-anchor': 'middle',
          fill: INK.muted,
          'font-size': 11,
        }),
      )
      .join('');
  const columns = data.bins
    .map((bin) => {
      const x0 = x(bin.from);
      const x1 = x(bin.to);
      return (
        `<rect x="${px(x0)}" y="${px(y(bin.count))}" width="${px(Math.max(x1 - x0 - 1, 1))}" height="${px(bottom - y(bin.count))}" fill="${OKABE_ITO.skyBlue}" stroke="${OKABE_ITO.blue}" stroke-width="0.5">` +
        `<title>${escapeHtml(bin.label)}</title></rect>`
      );
    })
    .join('');
  const markers = (data.markers ?? [])
    .filter((m) => m.value >= lo && m.value <= hi)
    .map(
      (m, i) =>
        `<line x1="${px(x(m.value))}" x2="${px(x(m.value))}" y1="${top - 6}" y2="${bottom}" stroke="${m.color}" stroke-width="1.5" stroke-dasharray="5 3"/>` +
        svgText(x(m.value) + 4, top + 4 + i * 14, m.label, { fill: m.color, 'font-size': 11 }),
    )
    .join('');
  const axisLabel = svgText((left + right) / 2, height - 6, data.axisLabel, {
    'text-anchor': 'middle',
    fill: INK.muted,
  });
  return svgFrame(data, width, height, grid + columns + markers + axisLabel);
}
