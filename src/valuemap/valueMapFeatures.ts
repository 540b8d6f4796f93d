import { csvRecords } from '../csv/_csvRecords.js';
import { textArgument } from '../model/_arguments.js';
import { normaliseHeader } from '../csv/normaliseHeader.js';
import { COMPUTED } from './_sheetColumns.js';
import { titleSetting } from './_sheetLabels.js';
import { findHeader, isStageRow } from './_valueMapHeader.js';
import type { GridRow } from './ValueMapGrid.js';
import type { CsvNote } from '../csv/CsvNote.js';
import type { CsvDelimiter } from '../csv/readCsvTable.js';

/** How many records are looked at. */
const LOOKED_AT = 60;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * What in CSV text shows it to be a whole Value Map sheet rather than a plain outcomes table
 * (docs/csv-format.md): a stage row, the questions under the titles (or the questions alone),
 * settings in title rows, inputs beside the outcomes, a title repeated (told apart by place), the
 * sheet's own computed columns. Empty for a plain table, which `readCsvAnalysis` reads. Only the
 * first sixty records are read.
 *
 * @example
 * [valueMapFeatures('stakeholder,outcome,quantity,proxy_value,duration\nA,B,1,1,1\n'),
 *  valueMapFeatures('Stage 1,,Stage 2\nStakeholders,Inputs,Value £,Outcome,Quantity,Value in currency,Duration,Impact\n')];
 * //=> [[], ['a stage row', 'inputs beside the outcomes', 'computed columns']]
 */
export function valueMapFeatures(text: string): string[] {
  textArgument('valueMapFeatures', text);
  let best: { rows: GridRow[]; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const rows: GridRow[] = [];
    csvRecords(
      text,
      delimiter,
      (cells, line, lineEnds) => {
        if (cells.some((c) => c.trim() !== '')) rows.push({ row: line, lineEnds, cells });
      },
      { limit: LOOKED_AT },
    );
    const header = findHeader(rows, LOOKED_AT);
    if (header !== undefined && (best === undefined || header.score > best.score)) {
      best = { rows, score: header.score };
    }
  }
  if (best === undefined) return [];
  const header = findHeader(best.rows, LOOKED_AT);
  if (header === undefined) return [];
  const above = best.rows.slice(0, header.index);
  const keys = new Set(header.columns.map((c) => c?.key));
  const labels = header.labels.map(normaliseHeader).filter((l) => l !== '');
  const features: [boolean, string][] = [
    [above.some((row) => isStageRow(row.cells)), 'a stage row'],
    [header.kind !== 'titles', 'the questions of the template'],
    [above.some((row) => titleSetting(row) !== undefined), 'settings in title rows'],
    [
      (keys.has('inputDescription') || keys.has('inputValue')) && keys.has('outcome'),
      'inputs beside the outcomes',
    ],
    [new Set(labels).size < labels.length, 'a title repeated'],
    [[...keys].some((key) => key !== undefined && COMPUTED.has(key)), 'computed columns'],
  ];
  return features.filter(([present]) => present).map(([, words]) => words);
}

/**
 * The note that a CSV file is read as a whole Value Map sheet, and why (its `valueMapFeatures`):
 * the CLI and the app say it in the same words.
 *
 * @example
 * sheetFeaturesNote('map.csv', ['a stage row', 'computed columns']).message;
 * //=> 'it has a stage row, computed columns: read as a whole Value Map sheet (docs/value-map.md)'
 */
export function sheetFeaturesNote(file: string, features: readonly string[]): CsvNote {
  return {
    code: 'sheet_read',
    message: `it has ${features.join(', ')}: read as a whole Value Map sheet (docs/value-map.md)`,
    file,
  };
}
