/**
 * The shapes a report is made of, shared by every part that builds one and by the two
 * renderers that lay it out: sections of sentences, bullet points, a chart and tables. Text
 * here is unescaped; each renderer escapes for its own format.
 */
import type { BarChartData } from './charts/barChart.js';
import type { ColumnChartData } from './charts/columnChart.js';
import type { HistogramChartData } from './charts/histogramChart.js';
import type { TornadoChartData } from './charts/tornadoChart.js';
import type { WaterfallChartData } from './charts/waterfallChart.js';

/** A table cell: its text and, optionally, a second line in smaller type. */
export type Cell = string | { readonly text: string; readonly note?: string };

/** A table's column: its heading, and the side its cells align to. */
export interface Column {
  readonly label: string;
  readonly align: 'left' | 'right';
}

/** A column of text, aligned left. */
export function left(label: string): Column {
  return { label, align: 'left' };
}

/** A column of figures, aligned right. */
export function right(label: string): Column {
  return { label, align: 'right' };
}

/** A cell with a second line, or plain text when there is none. */
export function note(text: string, extra: string | undefined): Cell {
  return extra === undefined || extra === '' ? text : { text, note: extra };
}

export interface Table {
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** A totals row, shown in bold. */
  readonly total?: readonly Cell[];
  /** Whether the caption is shown when the table is its section's only one (it is, otherwise). */
  readonly captionShown?: boolean;
  /** Long data tables that repeat a chart: folded away in HTML (still in the page). */
  readonly collapsible?: boolean;
}

export type Chart =
  | { readonly kind: 'bar'; readonly data: BarChartData }
  | { readonly kind: 'column'; readonly data: ColumnChartData }
  | { readonly kind: 'waterfall'; readonly data: WaterfallChartData }
  | { readonly kind: 'tornado'; readonly data: TornadoChartData }
  | { readonly kind: 'histogram'; readonly data: HistogramChartData };

/**
 * One section: its paragraphs, then bullet points, a chart, tables, paragraphs after the
 * tables, and a definition list, each when present.
 */
export interface Section {
  readonly id: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** Bullet points after the paragraphs. */
  readonly items?: readonly string[];
  readonly chart?: Chart;
  readonly tables: readonly Table[];
  /** Paragraphs after the tables. */
  readonly after?: readonly string[];
  /** A definition list (the method statement). */
  readonly terms?: readonly { readonly term: string; readonly text: string }[];
}
