/**
 * How a report writes figures: money, ratios, shares and each assumption by its kind, rounded
 * as the options ask. Every part of a report formats through one of these, so that a figure
 * reads the same in every section and both formats.
 */
import { formatMoney, formatNumber, formatPercent } from './round.js';
import { marginUnit } from '../review/switchingMargin.js';
import { parameterLabels } from '../model/vocabulary.js';
import type { SensitivityParameter } from '../model/vocabulary.js';
import type { ReportFigure } from './ReportExtras.js';
import type { RoundingMode } from './round.js';

/** The options that decide how figures are written (a subset of the report options). */
export interface FormatOptions {
  readonly ratioDecimals?: number;
  readonly moneyDecimals?: number;
  readonly rounding?: RoundingMode;
}

/** The formatters of one report. */
export interface ReportFormat {
  readonly currency: string;
  readonly mode: RoundingMode;
  readonly ratioPlaces: number;
  /** Money to the report's places: `£1,234.50`; `—` for a figure that is not finite. */
  readonly money: (value: ReportFigure) => string;
  /** Money in whole units, for chart labels: `£1,235`. */
  readonly roundMoney: (value: ReportFigure) => string;
  /** A ratio to the report's places: `2.01`; `undefined` for `null`. */
  readonly ratio: (value: ReportFigure | null) => string;
  /** A share to one place: `72.6%`; `—` for `null`. */
  readonly share: (value: string | null) => string;
  /** A fraction (a probability) as a percentage to one place: `97.0%`. */
  readonly percent: (value: ReportFigure) => string;
  /** Axis ticks in compact money: `£20k`. */
  readonly moneyTick: (value: number) => string;
  /** An assumption's value by its kind: `20%`, `£1,000.00`, `×0.5`, `3 years`, `40`. */
  readonly assumption: (parameter: string, value: ReportFigure) => string;
}

/** Whether an assumption is a fraction (shown as a percentage): a deduction, drop-off, the discount rate. */
export function isFraction(parameter: string): boolean {
  return marginUnit(parameter) === 'points';
}

/** The formatters for a report in `currency`. */
export function reportFormat(currency: string, options: FormatOptions): ReportFormat {
  const mode = options.rounding ?? 'half-up';
  const moneyPlaces = options.moneyDecimals ?? 2;
  const ratioPlaces = options.ratioDecimals ?? 2;
  const money = (value: ReportFigure) =>
    finite(value) ? formatMoney(figure(value), currency, moneyPlaces, mode) : '—';
  return {
    currency,
    mode,
    ratioPlaces,
    money,
    roundMoney: (value) => (finite(value) ? formatMoney(figure(value), currency, 0, mode) : '—'),
    ratio: (value) =>
      value === null
        ? 'undefined'
        : finite(value)
          ? formatNumber(figure(value), ratioPlaces, mode)
          : '—',
    share: (value) => (value === null ? '—' : formatPercent(value, 1, mode)),
    percent: (value) => (finite(value) ? formatPercent(figure(value), 1, mode) : '—'),
    moneyTick: (value) => compactMoney(value, currency),
    assumption: (parameter, value) => {
      if (!finite(value)) return '—';
      const text = figure(value);
      if (isFraction(parameter)) {
        return `${trim(formatNumber(percentOf(text), 2, mode))}%`;
      }
      if (parameter === 'proxy' || parameter === 'inputValue') return money(text);
      if (parameter === 'proxyScale') return `×${trim(formatNumber(text, 4, mode))}`;
      if (parameter === 'duration') {
        const years = trim(formatNumber(text, 2, mode));
        return `${years} ${years === '1' ? 'year' : 'years'}`;
      }
      return trim(formatNumber(text, 4, mode));
    },
  };
}

/** A decimal string shown in full, thousands grouped, never rounded. */
export function exact(value: string): string {
  return formatNumber(value);
}

/** Drops trailing zeros after a decimal point: `12.50` → `12.5`, `3.00` → `3`. */
export function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A fraction written as its percentage, by moving the decimal point (display only). */
export function percentOf(value: string): string {
  return formatPercent(value).replace(/[%,]/g, '');
}

/** A figure as a decimal string (numbers from the float path are written out in full). */
export function figure(value: ReportFigure): string {
  return typeof value === 'number' ? String(value) : value;
}

/** Whether a figure can be shown: a number from the float path may be `NaN` or infinite. */
export function finite(value: ReportFigure): boolean {
  return typeof value === 'string' || Number.isFinite(value);
}

/** Whether a decimal string is zero (`0`, `-0`, `0.00`). */
export function isZero(value: string): boolean {
  return /^-?0*(?:\.0*)?$/.test(value);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Axis ticks: `£20k`, `£1.5m`, `£500`. */
function compactMoney(value: number, currency: string): string {
  const abs = Math.abs(value);
  const [scaled, suffix] =
    abs >= 1e6 ? [value / 1e6, 'm'] : abs >= 1e4 ? [value / 1e3, 'k'] : [value, ''];
  const text = formatMoney(String(Number(scaled.toFixed(2))), currency, 2);
  return `${trim(text.replace(/\.00$/, ''))}${suffix}`;
}

/** An assumption's name for people: `Drop-off`, `Financial proxy`. */
export function parameterName(parameter: string): string {
  return Object.hasOwn(parameterLabels, parameter)
    ? parameterLabels[parameter as SensitivityParameter]
    : parameter;
}
