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
  verticalGrid,
} from './_svg.js';
import { escapeHtml } from '../escapeHtml.js';
import type { ChartText } from './_svg.js';

/** One step of a `waterfallChart`. */
export interface WaterfallChartStep {
  readonly label: string;
  /**
   * `total`: a level drawn from zero (gross value, present value). `change`: a step drawn from
   * the running level; negative takes value away, positive adds it.
   */
  readonly kind: 'total' | 'change';
  /** The level (`total`) or the signed change (`change`), in the chart's unit (drawing only). */
  readonly value: number;
  /** The figure printed beside the step, already formatted. */
  readonly valueLabel: string;
}

/** Data of `waterfallChart`. */
export interface WaterfallChartData extends ChartText {
  readonly steps: readonly WaterfallChartStep[];
  readonly formatTick: (value: number) => string;
}

/**
 * A horizontal waterfall chart as an SVG string: totals drawn from zero in blue, each change a
 * floating bar from the running level (vermillion where it takes value away, bluish green where
 * it adds), with thin connectors between steps and every figure printed at the right. Used for
 * the path from gross value to present value.
 *
 * @example
 * waterfallChart({ id: 'w', title: 'Waterfall', description: 'Gross to PV', formatTick: String,
 *   steps: [{ label: 'Gross', kind: 'total', value: 10, valueLabel: '£10' },
 *           { label: 'Deadweight', kind: 'change', value: -2, valueLabel: '−£2' },
 *           { label: 'PV', kind: 'total', value: 8, valueLabel: '£8' }] }).match(/<rect/g).length;
 * //=> 3
 */
export function waterfallChart(data: WaterfallChartData): string {
  const width = 640;
  const rowHeight = 28;
  const top = 8;
  // Running levels, for drawing only: where each bar starts and ends.
  let level = 0;
  const spans = data.steps.map((step) => {
    const from = step.kind === 'total' ? 0 : level;
    const to = step.kind === 'total' ? step.value : level + step.value;
    level = to;
    return { from, to };
  });
  const ends = spans.flatMap((s) => [s.from, s.to]);
  const ticks = niceTicks(minOf(ends), maxOf(ends), 5);
  const labels = data.steps.map((step) => step.label);
  const labelWidth = maxOf(
    labels.map((l) => textWidth(l) + 10),
    60,
  );
  const valueWidth = maxOf(
    data.steps.map((s) => textWidth(s.valueLabel) + 10),
    80,
  );
  const x = linearScale(
    ticks[0] ?? 0,
    ticks[ticks.length - 1] ?? 1,
    labelWidth,
    width - valueWidth,
  );
  const plotBottom = top + data.steps.length * rowHeight;
  const height = plotBottom + 26;

  const grid = verticalGrid(ticks, x, top, plotBottom, data.formatTick);
  const bars = data.steps
    .map((step, i) => {
      const span = spans[i] ?? { from: 0, to: 0 };
      const y = top + i * rowHeight;
      const x0 = x(Math.min(span.from, span.to));
      const x1 = x(Math.max(span.from, span.to));
      const color =
        step.kind === 'total'
          ? OKABE_ITO.blue
          : step.value < 0
            ? OKABE_ITO.vermillion
            : OKABE_ITO.bluishGreen;
      const connector =
        i + 1 < data.steps.length
          ? `<line x1="${px(x(span.to))}" x2="${px(x(span.to))}" y1="${px(y + rowHeight - 5)}" y2="${px(y + rowHeight + 5)}" stroke="${INK.muted}" stroke-dasharray="2 2"/>`
          : '';
      return (
        `<g><title>${escapeHtml(`${step.label}: ${step.valueLabel}`)}</title>` +
        svgText(labelWidth - 8, y + rowHeight / 2 + 4, labels[i] ?? '', {
          'text-anchor': 'end',
          'font-weight': step.kind === 'total' ? 'bold' : 'normal',
        }) +
        `<rect x="${px(x0)}" y="${px(y + 5)}" width="${px(Math.max(x1 - x0, step.value === 0 ? 0 : 1))}" height="${rowHeight - 10}" fill="${color}"/>` +
        connector +
        svgText(width - 4, y + rowHeight / 2 + 4, step.valueLabel, {
          'text-anchor': 'end',
          'font-weight': step.kind === 'total' ? 'bold' : 'normal',
        }) +
        `</g>`
      );
    })
    .join('');
  return svgFrame(data, width, height, grid + bars);
}
