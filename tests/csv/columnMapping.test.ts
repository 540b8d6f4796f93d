import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { columnMappingIssues, mappingKey, resolveColumn } from '../../src/csv/columnMapping.js';
import { inputColumns, outcomeColumns } from '../../src/csv/csvColumns.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';

const tables = { outcomes: outcomeColumns, inputs: inputColumns };
const settings = { name: 'Mapping', discount: { rate: '0' } };

describe('mappingKey', () => {
  it('reads a field for both tables or for one, and refuses an unknown table', () => {
    expect(mappingKey(' Inputs : value ')).toEqual({ table: 'inputs', field: 'value' });
    expect(mappingKey('proxy value')).toEqual({ field: 'proxy value' });
    expect(mappingKey('outcome:proxy_value')).toBeUndefined();
  });
});

describe('resolveColumn', () => {
  const headers = ['Who', 'Result', 'ID', '', 'Source', 'Source'];

  it('finds a header first, then a letter, then a position', () => {
    expect(resolveColumn('RESULT', headers)).toEqual({ position: 1 });
    // "ID" is a header here, not column ID (the 238th)
    expect(resolveColumn('ID', headers)).toEqual({ position: 2 });
    expect(resolveColumn('D', headers)).toEqual({ position: 3 });
    expect(resolveColumn('4', headers)).toEqual({ position: 3 });
    expect(resolveColumn(1, headers)).toEqual({ position: 0 });
  });

  it('says why a value names no column', () => {
    const problem = (value: string | number) => {
      const resolved = resolveColumn(value, headers);
      return 'problem' in resolved ? resolved.problem : undefined;
    };
    expect(problem('Unit cost')).toBe('no column is headed "Unit cost"');
    expect(problem('G')).toBe("column G is beyond the table's last column, F (6)");
    expect(problem(7)).toBe("column 7 is beyond the table's last column, F (6)");
    expect(problem('source')).toBe(
      '2 columns are headed "source" (E (5), F (6)): name the one you mean by its letter or its position',
    );
  });
});

describe('columnMappingIssues', () => {
  it('names an unknown table, an unknown field and a field of the other table, with a few alternatives', () => {
    const issues = columnMappingIssues(
      {
        'outcome:quantity': 'B',
        outcomez: 'Result',
        'inputs:proxy_value': 'C',
        'inputs:valeu': 'C',
        quantity: 0,
      },
      tables,
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        ['columns', 'outcome:quantity'],
        'the column mapping names an unknown table "outcome" in "outcome:quantity" (tables: "outcomes", "inputs")',
      ],
      [
        ['columns', 'outcomez'],
        expect.stringMatching(
          /^the column mapping names an unknown field "outcomez" \(one of \d+ fields, e\.g\. "id", "stakeholder", "outcome"\)$/,
        ),
      ],
      [
        ['columns', 'inputs:proxy_value'],
        'the column mapping names the field "proxy_value" for the inputs table, which has no such field (fields: "stakeholder", "description", "kind", "value", "year")',
      ],
      [
        ['columns', 'inputs:valeu'],
        'the column mapping names an unknown field "valeu" (fields of the inputs table: "stakeholder", "description", "kind", "value", "year")',
      ],
      [['columns', 'quantity'], "a column's position must be a whole number from 1, got 0"],
    ]);
  });
});

describe('readCsvAnalysis with a column mapping by letter, position and table', () => {
  const outcomes = {
    file: 'outcomes.csv',
    text: 'Who,What,How many,Each,,Years,Source,Source\nResidents,Warmer homes,10,£250,Survey,1,Census,Ofgem\n',
  };
  const inputs = { file: 'inputs.csv', text: 'Item,Funder,Amount\nGrant,Council,1000\n' };

  it('reads fields from the columns it names, a column with no header included', () => {
    const read = readCsvAnalysis({
      outcomes,
      inputs,
      settings,
      columns: {
        stakeholder: 'Who',
        outcome: 'B',
        quantity: 3,
        'outcomes:proxy_value': 'Each',
        'outcomes:evidence_quantity': 'E',
        'outcomes:proxy_source': 8,
        duration: 'F',
        'inputs:description': 'A',
        'inputs:value': 'C',
      },
    });
    if (!read.success) throw new Error(read.issues.map(formatIssue).join('\n'));
    const [outcome] = read.analysis.outcomes;
    expect(outcome).toMatchObject({
      stakeholder: 'Residents',
      outcome: 'Warmer homes',
      quantity: '10',
      proxy: { value: '250', source: 'Ofgem' },
      evidence: { quantity: 'Survey' },
    });
    // "Funder" is one of the inputs' own names for stakeholder
    expect(read.analysis.inputs).toEqual([
      { stakeholder: 'Council', description: 'Grant', value: '1000', year: 0 },
    ]);
    // hand-computed: 10 × 250 = 2500 over 1000 invested
    expect(evaluateAnalysis(read.analysis).sroiRatio).toBe('2.5');
    // the first "Source" (column G) is not mapped, so it is ignored and said so
    expect(read.notes.map((n) => n.message)).toContain(
      'column "Source" (column 7) is ignored: it is not a column sroi reads',
    );
  });

  it('locates a problem in a column with no header by its letter', () => {
    const read = readCsvAnalysis({
      outcomes: {
        file: 'outcomes.csv',
        text: 'stakeholder,outcome,quantity,proxy_value,duration,\nA,B,1,1,1,25\n',
      },
      settings,
      columns: { 'outcomes:deadweight': 'F' },
    });
    expect(read.issues.map(formatIssue)).toEqual([
      'outcomes.csv:2 [column F]: deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)',
    ]);
  });

  it('makes a mapping that names no column an issue, with the headers it could name', () => {
    const read = readCsvAnalysis({
      outcomes,
      inputs,
      settings,
      columns: { 'inputs:value': 'Cost', proxy_value: 'Unit cost', stakeholder: 'Z' },
    });
    expect(read.issues.filter((i) => i.path[0] === 'columns').map(formatIssue)).toEqual([
      // each at its key of the mapping (an analysis file's "columns" locates it)
      'columns.inputs:value: the column mapping inputs:value="Cost" names no column of inputs.csv: no column is headed "Cost" (headers: "Item", "Funder", "Amount")',
      'columns.proxy_value: the column mapping proxy_value="Unit cost" names no column of outcomes.csv: no column is headed "Unit cost" (one of 7 headers, e.g. "Who", "What", "How many")',
      'columns.stakeholder: the column mapping stakeholder="Z" names no column of outcomes.csv: column Z is beyond the table\'s last column, H (8) (one of 7 headers, e.g. "Who", "What", "How many")',
      'columns.stakeholder: the column mapping stakeholder="Z" names no column of inputs.csv: column Z is beyond the table\'s last column, C (3) (headers: "Item", "Funder", "Amount")',
    ]);
  });

  it('reads a field for both tables from each table that has its column', () => {
    const read = readCsvAnalysis({
      outcomes: {
        file: 'outcomes.csv',
        text: 'Who,outcome,quantity,proxy_value,duration\nResidents,B,1,1,1\n',
      },
      inputs: { file: 'inputs.csv', text: 'stakeholder,description,value\nCouncil,Grant,1\n' },
      settings,
      columns: { stakeholder: 'Who' },
    });
    expect(read.issues).toEqual([]);
    expect(read.success && read.analysis.inputs[0]?.stakeholder).toBe('Council');
  });
});
