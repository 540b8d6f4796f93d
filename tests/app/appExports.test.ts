import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliResult } from './_cli.js';
import { fakeIo } from '../cli/_fakeIo.js';
import { run } from '../../src/cli/run.js';
import { appExports, exportFile, fileStem } from '../../src/app/appExports.js';
import { evaluateDocument } from '../../src/app/evaluateDocument.js';
import { placeIssues, placeOf, placeId } from '../../src/app/issuePlaces.js';
import { answer } from '../../src/app/worker.js';
import { renderCsv } from '../../src/csv/renderCsv.js';
import { checkAnalysis } from '../../src/review/checkAnalysis.js';
import { diffAnalyses } from '../../src/review/diffAnalyses.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import { readWorkbook } from '../../src/workbook/readWorkbook.js';
import { valueMapFigures } from '../workbook/_valueMapFigures.js';
import type { WorkbookSheet } from '../../src/workbook/Workbook.js';
import { parseUncertainty } from '../../src/sensitivity/parseUncertainty.js';
import { sensitivityAnalysis } from '../../src/sensitivity/sensitivityAnalysis.js';
import { simulate } from '../../src/sensitivity/simulate.js';
import type { AnalysisDocument } from '../../src/app/AnalysisDocument.js';
import type { ExportContext } from '../../src/app/appExports.js';

const root = join(__dirname, '..', '..');
const examplePath = 'examples/befriending/analysis.json';
const example = JSON.parse(readFileSync(join(root, examplePath), 'utf8')) as AnalysisDocument;

function contextOf(document: AnalysisDocument): ExportContext {
  return { document, evaluation: evaluateDocument(document) };
}

function made(id: string, context: ExportContext) {
  const entry = appExports.find((e) => e.id === id);
  const file = entry === undefined ? undefined : exportFile(entry, context);
  if (file?.ok !== true)
    throw new Error(`${id}: ${file?.ok === false ? file.reason : 'no such export'}`);
  return file;
}

/** A text export: its name and text. */
function make(id: string, context: ExportContext): { name: string; text: string } {
  const file = made(id, context);
  if (typeof file.contents !== 'string') throw new Error(`${id} is not a text file`);
  return { name: file.name, text: file.contents };
}

describe('appExports', () => {
  it('saves the analysis JSON so that it reads back to the same document and the CLI’s figures', async () => {
    const saved = make('analysis-json', contextOf(example));
    expect(saved.name).toBe('befriending-service-2024-illustrative-example.json');
    expect(JSON.parse(saved.text)).toEqual(example);
    expect(await cliResult(['saved.json'], { 'saved.json': saved.text })).toEqual(
      await cliResult([examplePath]),
    );
  });

  it('saves the CSV tables and a settings file that the CLI reads to the same figures', async () => {
    const context = contextOf(example);
    const files = {
      'out/outcomes.csv': make('outcomes-csv', context).text,
      'out/inputs.csv': make('inputs-csv', context).text,
      'out/analysis-csv.json': make('settings-json', context).text,
    };
    const fromTables = await cliResult(['out/analysis-csv.json'], files);
    expect(fromTables).toEqual(await cliResult([examplePath]));
    expect(files['out/outcomes.csv'].split('\r\n')[0]).toBe(
      'id,stakeholder,outcome,indicator,category,quantity,proxy_description,proxy_value,proxy_source,proxy_price_year,duration,start,deadweight,displacement,attribution,leakage,drop_off',
    );
  });

  it('saves the report and the figures as sroi report and sroi calculate --format csv write them', async () => {
    const context = contextOf(example);
    const evaluation = context.evaluation;
    if (!evaluation.ok) throw new Error('the example has problems');
    // sroi report shows a file's scenarios side by side and its Monte Carlo; so does the app's.
    const { io, out } = fakeIo();
    expect(await run(['report', examplePath], io)).toBe(0);
    expect(make('report-html', context).text).toBe(out.stdout);
    expect(make('figures-csv', context).text).toBe(renderCsv(evaluation.result));
  });

  it('saves the Value Map workbook sroi export --format xlsx writes, which reads back to the CLI’s figures', async () => {
    const file = made('value-map-xlsx', contextOf(example));
    expect(file.name).toBe('befriending-service-2024-illustrative-example.xlsx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    if (typeof file.contents === 'string') throw new Error('a workbook is bytes');
    const { io, file: written } = fakeIo();
    expect(await run(['export', examplePath, '--out', 'tests/.output/app-map.xlsx'], io)).toBe(0);
    // fakeIo keeps bytes one character per byte
    const cli = new Uint8Array(Buffer.from(written('tests/.output/app-map.xlsx') ?? '', 'latin1'));
    expect(file.contents).toEqual(cli);
    const read = readWorkbook(file.contents);
    expect(read.issues).toEqual([]);
    const figures = valueMapFigures(read.workbook?.sheets[0] as WorkbookSheet);
    const result = await cliResult([examplePath]);
    expect(figures.result('sroiRatio')?.value).toBe(result.sroiRatio);
    expect(figures.result('totalPresentValue')?.value).toBe(result.totalPresentValue);
  });

  it('saves the report with the changes since a previous version and the findings, as sroi report --diff --check writes it', async () => {
    const edited = { ...example, horizon: 2 } as AnalysisDocument;
    const evaluation = evaluateDocument(edited);
    if (!evaluation.ok) throw new Error('the edited example has problems');
    const previous = parseAnalysis(example);
    const context: ExportContext = { document: edited, evaluation, previous, withCheck: true };
    const files = { 'edited.json': JSON.stringify(edited) };
    const { io, out } = fakeIo(files);
    expect(await run(['report', 'edited.json', '--diff', examplePath, '--check'], io)).toBe(0);
    expect(make('report-html', context).text).toBe(out.stdout);
    // work already done for this document is used as it is
    const diff = diffAnalyses(previous, evaluation.analysis);
    expect(make('report-html', { ...context, diff, withCheck: false }).text).toBe(
      make('report-html', { ...context, withCheck: false }).text,
    );
  });

  it('says why the report cannot be made when the previous version cannot be compared', () => {
    const evaluation = evaluateDocument(example);
    if (!evaluation.ok) throw new Error('the example has problems');
    const entry = appExports.find((e) => e.id === 'report-html');
    // a previous version whose proxy price year is outside the deflator series: the engine refuses it
    const previous = { ...parseAnalysis(example), priceYear: '2023-24' };
    const outside = {
      ...previous,
      outcomes: previous.outcomes.map((o) => ({ ...o, proxy: { ...o.proxy, priceYear: '1800' } })),
    };
    const file =
      entry === undefined
        ? undefined
        : exportFile(entry, { document: example, evaluation, previous: outside });
    expect(file).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/1800/) as unknown as string,
    });
  });

  it('saves the JSON of a map with problems, and says why the other files need a valid one', () => {
    const broken = { ...example, discount: { rate: '35' } } as AnalysisDocument;
    const context = contextOf(broken);
    expect(JSON.parse(make('analysis-json', context).text)).toEqual(broken);
    for (const id of [
      'report-html',
      'value-map-xlsx',
      'outcomes-csv',
      'inputs-csv',
      'figures-csv',
    ]) {
      const entry = appExports.find((e) => e.id === id);
      expect(entry === undefined ? undefined : exportFile(entry, context)).toEqual({
        ok: false,
        reason: 'fix the problems listed first: this file needs a valid analysis',
      });
    }
  });

  it('names files after the analysis', () => {
    expect(fileStem({ name: 'Café — “Warm Homes” 2024/25' })).toBe('cafe-warm-homes-2024-25');
    expect(fileStem({ name: '***' })).toBe('analysis');
  });
});

describe('placeIssues', () => {
  it('puts each problem of a document at the cell, setting or section that shows it', () => {
    const broken = {
      ...example,
      discount: { rate: '35' },
      colour: 'blue',
      outcomes: [{ ...(example['outcomes'] as AnalysisDocument[])[0], deadweight: 25 }],
    } as AnalysisDocument;
    const evaluation = evaluateDocument(broken);
    if (evaluation.ok) throw new Error('expected problems');
    const placed = placeIssues(evaluation.issues);
    expect(
      placed.tables.outcomes
        .get(0)
        ?.get('deadweight')
        ?.map((i) => i.message),
    ).toEqual(['deadweight must be a fraction from 0 to 1, got 25 (write 25% or 0.25)']);
    expect(placed.settings.get('discount')).toHaveLength(1);
    expect(placed.elsewhere.map((i) => i.message)).toEqual([
      'unknown field "colour" (check the spelling; see the JSON Schema from `sroi schema`)',
    ]);
    const place = placeOf(['outcomes', 0, 'deadweight']);
    expect(place === undefined ? undefined : placeId(place)).toBe('cell-outcomes-0-deadweight');
  });
});

describe('the worker', () => {
  const evaluation = evaluateDocument(example);
  if (!evaluation.ok) throw new Error('the example has problems');
  const analysis = evaluation.analysis;

  it('answers a simulation with simulate’s own figures for the same seed', () => {
    const uncertainty = parseUncertainty(example['uncertainty'], analysis);
    const reply = answer({
      id: 7,
      kind: 'simulate',
      analysis,
      uncertainty,
      options: { draws: 2000, seed: 3 },
    });
    expect(reply).toEqual({
      id: 7,
      kind: 'simulate',
      result: simulate(analysis, uncertainty, { draws: 2000, seed: 3 }),
    });
  });

  it('answers sensitivity with sensitivityAnalysis’s figures', () => {
    expect(answer({ id: 1, kind: 'sensitivity', analysis, options: {} })).toEqual({
      id: 1,
      kind: 'sensitivity',
      result: sensitivityAnalysis(analysis),
    });
  });

  it('answers a review with checkAnalysis’s findings and, given a previous version, diffAnalyses’s changes', () => {
    const uncertainty = parseUncertainty(example['uncertainty'], analysis);
    const previous = parseAnalysis({ ...example, horizon: 2 });
    expect(answer({ id: 4, kind: 'review', analysis, uncertainty })).toEqual({
      id: 4,
      kind: 'review',
      check: { ok: true, value: checkAnalysis(analysis, { uncertainty }) },
    });
    expect(answer({ id: 5, kind: 'review', analysis, previous })).toEqual({
      id: 5,
      kind: 'review',
      check: { ok: true, value: checkAnalysis(analysis) },
      diff: { ok: true, value: diffAnalyses(previous, analysis) },
    });
  });

  it('answers a domain error with its message', () => {
    const uncertainty = parseUncertainty(example['uncertainty'], analysis);
    expect(
      answer({ id: 2, kind: 'simulate', analysis, uncertainty, options: { draws: 0 } }),
    ).toMatchObject({
      id: 2,
      kind: 'failed',
      message: expect.stringMatching(/draws/) as unknown as string,
    });
  });
});
