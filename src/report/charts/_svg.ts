/**
 * What the chart functions share: the palette, the frame every chart is drawn in (with its
 * `<title>` and `<desc>`, the text equivalent that screen readers announce), axis ticks and
 * number formatting for coordinates. Charts draw numbers they are given; they never compute a
 * figure that a reader is shown, except the round tick values of an axis.
 */
import { escapeHtml } from '../escapeHtml.js';

/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with every
 * common form of colour-blindness. Black is left out; it is the text colour.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

/** Text and rule colours used by every chart. */
export const INK = { text: '#1a1a1a', muted: '#555555', rule: '#bbbbbb', grid: '#e4e4e4' };

/** The font stack of charts: system fonts only, so that nothing is fetched. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** What every chart function takes besides its data. */
export interface ChartText {
  /** A short name of the chart, read out as the SVG's `<title>`. */
  readonly title: string;
  /** A sentence saying what the chart shows and its main figures, the SVG's `<desc>`. */
  readonly description: string;
  /** Unique within the page; used for `aria-labelledby`. Letters, digits and `-` only. */
  readonly id: string;
}

/** Wraps chart content in an `<svg>` with a viewBox, `role="img"`, a `<title>` and a `<desc>`. */
export function svgFrame(text: ChartText, width: number, height: number, body: string): string {
  const id = text.id.replace(/[^A-Za-z0-9-]/g, '-');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `font-family='${FONT}' font-size="12" fill="${INK.text}">` +
    `<title id="${id}-title">${escapeHtml(text.title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(text.description)}</desc>` +
    body +
    `</svg>`
  );
}

/** A coordinate written with at most two decimals. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A `<text>` element; `content` is escaped here. */
export function svgText(
  x: number,
  y: number,
  content: string,
  attributes: Readonly<Record<string, string | number>> = {},
): string {
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<text x="${px(x)}" y="${px(y)}"${extra}>${escapeHtml(content)}</text>`;
}

/**
 * Breaks a label into lines of at most `max` characters at spaces, so that a long label is
 * shown whole rather than cut. A word longer than `max` keeps a line of its own, whole: the
 * chart measures its lines and makes room for the longest.
 */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

/** The line height of wrapped chart labels, in pixels at the chart font. */
export const LINE_HEIGHT = 14;

/**
 * The rows of a chart whose rows carry wrapped labels (bar and tornado charts): each row's
 * lines, its top and its height (at least `minHeight`, more when its label has more lines),
 * the width of the label column (the widest line and a margin, at least 60) and of the whole
 * chart (640, or wider when the labels and the figures at the right leave the plot less than
 * 300).
 */
export function labelRows(
  labels: readonly string[],
  max: number,
  minHeight: number,
  top: number,
  valueWidth: number,
): {
  readonly rows: readonly {
    readonly lines: readonly string[];
    readonly y: number;
    readonly height: number;
  }[];
  readonly bottom: number;
  readonly labelWidth: number;
  readonly width: number;
} {
  const rows: { lines: string[]; y: number; height: number }[] = [];
  let y = top;
  let labelWidth = 0;
  for (const label of labels) {
    const lines = wrapLabel(label, max);
    for (const line of lines) labelWidth = Math.max(labelWidth, textWidth(line));
    const height = Math.max(minHeight, lines.length * LINE_HEIGHT + 12);
    rows.push({ lines, y, height });
    y += height;
  }
  const column = Math.max(labelWidth + 10, 60);
  return { rows, bottom: y, labelWidth: column, width: Math.max(640, column + valueWidth + 300) };
}

/**
 * A `<text>` of several lines (`<tspan>`s), the lines centred on `middle` vertically; `lines`
 * are escaped here.
 */
export function svgLines(
  x: number,
  middle: number,
  lines: readonly string[],
  attributes: Readonly<Record<string, string | number>> = {},
): string {
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  const first = middle + 4 - ((lines.length - 1) * LINE_HEIGHT) / 2;
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${px(x)}" ${i === 0 ? `y="${px(first)}"` : `dy="${LINE_HEIGHT}"`}>${escapeHtml(line)}</tspan>`,
    )
    .join('');
  return `<text x="${px(x)}" y="${px(first)}"${extra}>${spans}</text>`;
}

/**
 * A generous estimate of the width in pixels of `text` at the chart font: 0.62 em a character,
 * wide enough for DejaVu Sans (Linux's usual sans-serif), so that labels are never clipped.
 */
export function textWidth(text: string, fontSize = 12): number {
  return text.length * fontSize * 0.62;
}

/**
 * The largest of `values`, and at least `floor`. A loop, not `Math.max(...values)`: a spread
 * into one call overflows the stack beyond about 100,000 values (a chart of every stakeholder
 * of a generated map can have that many bars).
 */
export function maxOf(values: readonly number[], floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest of `values`, and at most `ceiling` (see `maxOf`). */
export function minOf(values: readonly number[], ceiling = Infinity): number {
  let min = ceiling;
  for (const value of values) if (value < min) min = value;
  return min;
}

/**
 * Round tick values spanning `min`…`max` (widened to include 0 unless `includeZero` is false),
 * about `count` of them, at a step of 1, 2 or 5 × 10ⁿ.
 */
export function niceTicks(min: number, max: number, count = 5, includeZero = true): number[] {
  const low = includeZero ? Math.min(0, min) : min;
  const high = includeZero ? Math.max(0, max) : max;
  if (low === high) return low === 0 ? [0, 1] : [Math.min(0, low), Math.max(0, high)];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks: number[] = [];
  // 15 significant digits drop the float noise of i × step (0.30000000000000004), at any scale:
  // toFixed would need more than its 100 places for a step below 1e-100.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(15)));
  return ticks;
}

/** A linear scale from the domain `[d0, d1]` to the range `[r0, r1]`. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 === 0 ? 1 : d1 - d0;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/**
 * Vertical grid lines at each tick of a horizontal value axis, with the tick labels below the
 * plot. The zero line is drawn darker when `ruleAtZero` is set (bar and waterfall charts, whose
 * bars start from zero); a tornado chart draws every line alike.
 */
export function verticalGrid(
  ticks: readonly number[],
  x: (value: number) => number,
  top: number,
  plotBottom: number,
  formatTick: (value: number) => string,
  ruleAtZero = true,
): string {
  return ticks
    .map(
      (tick) =>
        `<line x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${top}" y2="${plotBottom}" stroke="${ruleAtZero && tick === 0 ? INK.rule : INK.grid}"/>` +
        svgText(x(tick), plotBottom + 16, formatTick(tick), {
          'text-anchor': 'middle',
          fill: INK.muted,
          'font-size': 11,
        }),
    )
    .join('');
}
