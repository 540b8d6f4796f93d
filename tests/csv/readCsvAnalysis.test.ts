import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAnalysis } from '../../src/calc/evaluateAnalysis.js';
import { csvTemplate } from '../../src/csv/csvTemplate.js';
import { readCsvAnalysis } from '../../src/csv/readCsvAnalysis.js';
import { formatIssue } from '../../src/model/formatIssue.js';
import { capIssues } from '../../src/schema/_capIssues.js';
import type { Issue } from '../../src/model/SroiError.js';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';

const HEADER = 'stakeholder,outcome,quantity,proxy_value,duration,deadweight';
const settings = { name: 'Test', discount: { rate: '0' } };
const outcomes = (text: string) => ({ text, file: 'outcomes.csv' });

describe('readCsvAnalysis', () => {
  it('reads an outcomes table into the validated analysis', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\nOlder people,Less isolated,"1,200",£5,3,25%\n`),
      settings,
    });
    expect(read.success && read.analysis.outcomes).toEqual([
      {
        id: 'o1',
        stakeholder: 'Older people',
        outcome: 'Less isolated',
        quantity: '1200',
        proxy: { value: '5' },
        duration: 3,
        start: 1,
        deadweight: '0.25',
        displacement: '0',
        attribution: '0',
        leakage: '0',
        dropOff: '0',
      },
    ]);
  });

  it('locates an issue by file, line, header as written and raw cell', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'Stakeholder,Outcome,Quantity,Value £,Duration,Deadweight %\nA,B,1,1,1, 25 \n',
      ),
      settings,
    });
    expect(read.issues).toEqual([
      {
        code: 'out_of_range',
        message: 'deadweight must be a fraction from 0 to 1, got "25" (write 25% or 0.25)',
        path: ['outcomes', 0, 'deadweight'],
        file: 'outcomes.csv',
        line: 2,
        column: 'Deadweight %',
        received: ' 25 ',
      },
    ]);
  });

  it('takes the inputs from the settings when there is no inputs file', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\nA,B,10,100,1,0\n`),
      settings: { ...settings, inputs: [{ description: 'Grant', value: '£400' }] },
    });
    expect(read.success && evaluateAnalysis(read.analysis).sroiRatio).toBe('2.5'); // hand-computed: 10 × 100 / 400
    expect(read.tables.inputs).toBeUndefined();
  });

  it('reads a mapped field only from its mapped header and says the other is ignored', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'stakeholder,outcome,Result,quantity,proxy_value,duration\nA,old text,new text,1,1,1\n',
      ),
      settings,
      columns: { Outcome: 'Result' },
    });
    expect(read.success && read.analysis.outcomes[0]?.outcome).toBe('new text');
    expect(read.notes).toMatchObject([{ code: 'ignored_column', column: 'outcome' }]);
  });

  it('ignores a column that resembles a field when that field has its own column', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER},Deadweight notes\nA,B,1,1,1,10%,from the survey\n`),
      settings,
    });
    expect(read.success).toBe(true);
    expect(read.notes.map((note) => note.column)).toEqual(['Deadweight notes']);
  });

  it('rejects a column that resembles a field with no column of its own', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'stakeholder,outcome,quantity,proxy_value,duration,Attribution to others\nA,B,1,1,1,10%\n',
      ),
      settings,
    });
    expect(read.issues.map(formatIssue)).toEqual([
      'outcomes.csv:1 [Attribution to others]: unknown column "Attribution to others": did you mean attribution? Rename the header, or map it (--map "attribution=Attribution to others")',
    ]);
  });

  it('accepts quantity_by_year in place of quantity', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'stakeholder,outcome,quantity_by_year,proxy_value,duration\nA,B,3 | 2,10,2\n',
      ),
      settings,
    });
    expect(read.success && read.analysis.outcomes[0]?.quantityByYear).toEqual(['3', '2']);
  });

  it('reports settings problems by JSON path', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\nA,B,1,1,1,0\n`),
      settings: { name: 'x', discount: { rate: '35' } },
    });
    expect(read.issues.map(formatIssue)).toEqual([
      'discount.rate: discount.rate must be a fraction from 0 to 1, got "35" (write 35% or 0.35)',
    ]);
  });

  it('reads a generated file of 10,000 rows, every row used', () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `S${i % 7},Outcome ${i},${i % 50},"£1,000",${1 + (i % 3)},10%`,
    );
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\n${rows.join('\n')}\n`),
      settings,
    });
    expect(read.tables.outcomes).toMatchObject({
      rowsRead: 10_000,
      rowsUsed: 10_000,
      rowsRejected: 0,
    });
    expect(read.success && read.analysis.outcomes.length).toBe(10_000);
    // Row i is on line i + 2; the last row is number 9999, on line 10001.
    expect(read.success && read.analysis.outcomes[9999]?.outcome).toBe('Outcome 9999');
  });

  it('locates a bad cell deep in a 10,000-row file', () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `S,O${i},${i === 7_777 ? '#N/A' : '1'},1,1,0`,
    );
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\r\n${rows.join('\r\n')}`),
      settings,
    });
    // hand-derived: row index 7777 follows the header (line 1), so it is on line 7779.
    expect(read.issues).toMatchObject([
      { code: 'spreadsheet_error', line: 7_779, column: 'quantity', received: '#N/A' },
    ]);
    expect(read.tables.outcomes).toMatchObject({
      rowsRead: 10_000,
      rowsUsed: 9_999,
      rowsRejected: 1,
    });
  });

  it('gives the analysis that parseAnalysis gives for the same rows written as JSON', () => {
    // Every optional column, a title row, a comment row, a blank row, CR line ends, a mapped
    // header, an inputs file, listed stakeholders and a price year; the JSON below is the same
    // analysis written by hand.
    const text =
      'Befriending 2024\r' +
      'ref,stakeholder,Result,indicator,category,quantity,proxy_description,proxy_value,proxy_source,proxy_price_year,duration,start,deadweight,displacement,attribution,leakage,drop_off\r' +
      'a1,Older people,Less isolated, UCLA score ,social,40,Club fee,"£1,000.50",Survey,2022-23,3,1,20%,0.1,25%,0,10%\r' +
      '# a note\r' +
      ',,,,,,,,,,,,,,,,\r' +
      ',Volunteers,Skills,,,"1,200",,(5),,,2,2,0%,,,,\r';
    const inputs = 'stakeholder,description,value,kind,year\nFunder,Grant,"£12,000",cash,0\n';
    const stakeholders = [
      { id: 'older', name: 'Older people' },
      { name: 'Volunteers' },
      { name: 'Funder' },
    ];
    const csvSettings = { name: 'B', priceYear: '2023-24', stakeholders };
    const read = readCsvAnalysis({
      outcomes: outcomes(text),
      inputs: { text: inputs, file: 'inputs.csv' },
      settings: csvSettings,
      columns: { outcome: 'Result' },
    });
    const json = parseAnalysis({
      ...csvSettings,
      inputs: [
        { stakeholder: 'Funder', description: 'Grant', value: '£12,000', kind: 'cash', year: 0 },
      ],
      outcomes: [
        {
          id: 'a1',
          stakeholder: 'Older people',
          outcome: 'Less isolated',
          indicator: 'UCLA score',
          category: 'social',
          quantity: '40',
          proxy: {
            description: 'Club fee',
            value: '£1,000.50',
            source: 'Survey',
            priceYear: '2022-23',
          },
          duration: 3,
          start: 1,
          deadweight: '20%',
          displacement: '0.1',
          attribution: '25%',
          leakage: '0',
          dropOff: '10%',
        },
        {
          stakeholder: 'Volunteers',
          outcome: 'Skills',
          quantity: '1,200',
          proxy: { value: '(5)' },
          duration: 2,
          start: 2,
          deadweight: '0%',
        },
      ],
    });
    expect(read.success && read.analysis).toEqual(json);
    expect(read.tables).toEqual({
      outcomes: {
        file: 'outcomes.csv',
        delimiter: ',',
        headerLine: 2,
        rowsRead: 2,
        rowsUsed: 2,
        rowsRejected: 0,
        blankRows: 1,
        commentRows: 1,
        titleRows: 1,
        totalRows: 0,
      },
      inputs: {
        file: 'inputs.csv',
        delimiter: ',',
        headerLine: 1,
        rowsRead: 1,
        rowsUsed: 1,
        rowsRejected: 0,
        blankRows: 0,
        commentRows: 0,
        titleRows: 0,
        totalRows: 0,
      },
    });
    expect(read.notes.map((note) => note.code)).toEqual(['title_rows', 'comment_rows']);
  });

  it('does not mutate its settings or column mapping', () => {
    const ownSettings = { name: 'Test', discount: { rate: '3.5%' } };
    const columns = { outcome: 'Result' };
    const before = JSON.stringify([ownSettings, columns]);
    readCsvAnalysis({
      outcomes: outcomes('stakeholder,Result,quantity,proxy_value,duration\nA,B,1,1,1\n'),
      settings: ownSettings,
      columns,
    });
    expect(JSON.stringify([ownSettings, columns])).toBe(before);
  });

  it('accounts for every non-blank row, whatever the cells hold (property)', () => {
    const cell = fc.constantFrom(
      '',
      ' ',
      'A',
      '10',
      '25',
      '25%',
      '-1',
      '#DIV/0!',
      '(1,200)',
      'x,y',
      '"q"',
      '1\n2',
      '# note',
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (grid) => {
        const text = `${HEADER}\n${grid.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n')}\n`;
        const read = readCsvAnalysis({ outcomes: outcomes(text), settings });
        const t = read.tables.outcomes;
        const nonBlank = grid.filter((r) => r.some((c) => c.trim() !== '')).length;
        // '# note' is the only cell in the pool that makes a comment row (#DIV/0! does not).
        const comments = grid.filter(
          (r) => r.find((c) => c.trim() !== '')?.trim() === '# note',
        ).length;
        expect(t.commentRows).toBe(comments);
        expect(t.rowsRead + t.commentRows).toBe(nonBlank);
        if (t.rowsRejected > 0) expect(read.success).toBe(false);
        expect(t.rowsRead).toBe(t.rowsUsed + t.rowsRejected);
        if (read.success) expect(read.analysis.outcomes.length).toBe(t.rowsUsed);
        else expect(read.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('readCsvAnalysis (outputs and evidence)', () => {
  const plain = `${HEADER}\nOlder people,Less isolated,40,"£1,000",3,20%\n`;
  const evidenced =
    'stakeholder,outcome,Outputs,quantity,proxy_value,duration,deadweight,Quantity evidence,Source of deadweight,Attribution rationale,evidence_drop_off\n' +
    'Older people,Less isolated,52 visits,40,"£1,000",3,20%,Register,Comparison group,Interviews,\n';

  it('reads the output and the evidence columns, by their names and aliases', () => {
    const read = readCsvAnalysis({ outcomes: outcomes(evidenced), settings });
    expect(read.issues).toEqual([]);
    expect(read.success && read.analysis.outcomes[0]).toMatchObject({
      output: '52 visits',
      evidence: { quantity: 'Register', deadweight: 'Comparison group', attribution: 'Interviews' },
    });
    expect(read.success && read.analysis.outcomes[0]?.evidence).not.toHaveProperty('dropOff');
  });

  it('changes no figure', () => {
    const without = readCsvAnalysis({ outcomes: outcomes(plain), settings });
    const withEvidence = readCsvAnalysis({ outcomes: outcomes(evidenced), settings });
    if (!without.success || !withEvidence.success) throw new Error('both files should read');
    expect(evaluateAnalysis(withEvidence.analysis)).toEqual(evaluateAnalysis(without.analysis));
  });

  it('reads what csvTemplate writes, once its example row is uncommented', () => {
    const text = csvTemplate()['outcomes.csv'].replace('\r\n# Older people', '\r\nOlder people');
    const read = readCsvAnalysis({ outcomes: outcomes(text), settings });
    expect(read.success && read.analysis.outcomes[0]).toMatchObject({
      output: '40 people attended weekly befriending sessions',
      evidence: { deadweight: 'Comparison group in the local authority survey' },
    });
  });
});

describe('readCsvAnalysis (durations)', () => {
  it('reads a fractional duration, and refuses 0 with the rule', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\nA,B,1,1,2.5,0\nA,C,1,1,0,0\n`),
      settings,
    });
    expect(read.issues.map(formatIssue)).toEqual([
      'outcomes.csv:3 [duration]: duration must be a number of years greater than 0 and at most 1000, got "0"',
    ]);
    const good = readCsvAnalysis({ outcomes: outcomes(`${HEADER}\nA,B,1,1,0.5,0\n`), settings });
    expect(good.success && good.analysis.outcomes[0]?.duration).toBe(0.5);
  });
});

describe('readCsvAnalysis (a file separated by semicolons)', () => {
  const header = 'stakeholder;outcome;quantity;proxy_value;duration;deadweight;attribution';

  it('reads a separator in a fraction column as the decimal mark: a fraction is never in the thousands', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${header}\nA;B;1;1;1;0.125;0,125\nA;C;1;1;1;12,5%;1,000\n`),
      settings,
    });
    expect(read.issues).toEqual([]);
    // 0.125 and 0,125 are 0.125; 12,5% is 12.5 % = 0.125; 1,000 can only be 1.000 = 1 here.
    expect(
      read.success && read.analysis.outcomes.map((o) => [o.deadweight, o.attribution]),
    ).toEqual([
      ['0.125', '0.125'],
      ['0.125', '1'],
    ]);
  });

  it('still asks about 1.200 and 1,200 in a money or quantity column, but not about 0.125', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(`${header}\nA;B;1.200;0.125;1;0;0\nA;C;1;1,200;1;0;0\n`),
      settings,
    });
    expect(read.issues.map((i) => [i.line, i.column, i.received])).toEqual([
      [2, 'quantity', '1.200'],
      [3, 'proxy_value', '1,200'],
    ]);
  });
});

describe('readCsvAnalysis (hostile files)', () => {
  it('reads a cell of a million characters in linear time, and shows a short excerpt of it', () => {
    const cell = `1${' '.repeat(1_000_000)}x`;
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\nA,B,"${cell}",1,1,0\n`),
      settings,
    });
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({
      code: 'invalid_number',
      column: 'quantity',
      received: cell,
    });
    expect(read.issues[0]?.message.length).toBeLessThan(250);
  });

  it('reads a header of a million characters, and a semicolon file full of digit groups', () => {
    const header = `${HEADER},${'n'.repeat(1_000_000)}`;
    expect(
      readCsvAnalysis({ outcomes: outcomes(`${header}\nA,B,1,1,1,0,\n`), settings }).success,
    ).toBe(true);
    const groups = `1${'.000'.repeat(250_000)}`;
    const read = readCsvAnalysis({
      outcomes: outcomes(`stakeholder;outcome;quantity;proxy_value;duration\nA;B;${groups};1;1\n`),
      settings,
    });
    expect(read.issues.map((i) => i.code)).toEqual(['invalid_number']);
  });

  it('lists the first 1,000 issues and counts the rest exactly, with every row accounted for', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `S,O${i},1,1,1,25`);
    const read = readCsvAnalysis({
      outcomes: outcomes(`${HEADER}\n${rows.join('\n')}\n`),
      settings,
    });
    expect(read.issues).toHaveLength(1001);
    expect(read.issues[1000]?.message).toBe(
      'and 4,000 more problems, not listed (5,000 in all); fix these and read the file again to see the rest',
    );
    expect(read.tables.outcomes).toMatchObject({ rowsRead: 5_000, rowsRejected: 5_000 });
  });

  it('puts an issue found across rows at its cell, below cells that span lines', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'id,stakeholder,outcome,quantity,proxy_value,duration\na,A,B,1,1,1\nb,"two\nlines",C,1,1,1\na,A,D,1,1,1\n',
      ),
      settings,
    });
    // The second "a" is on line 5: line 3 starts the row whose cell spans lines 3 and 4.
    expect(read.issues.map(formatIssue)).toEqual([
      'outcomes.csv:5 [id]: outcome id "a" is used twice (first at line 2); ids must be unique',
    ]);
  });
});

describe('readCsvAnalysis (ragged rows)', () => {
  it('does not read a row with a cell too few or too many, and says where', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        `${HEADER}\nA,B,1,1,1\nA,B,1,1,1,0,extra\nA,"two\nlines",1,1,1,0,,late\nA,B,1,1,1,0\n`,
      ),
      settings,
    });
    expect(read.issues.map((i) => [i.code, i.line])).toEqual([
      ['csv_row', 2], // 5 cells under 6 headers
      ['csv_row', 3], // a value beyond the last header
      ['csv_row', 5], // the same, on the second line of a row that starts on line 4
    ]);
    expect(read.tables.outcomes).toMatchObject({ rowsRead: 4, rowsUsed: 1, rowsRejected: 3 });
    expect(formatIssue(capIssues(read.issues, 1)[1] as Issue)).toBe(
      'and 2 more problems, not listed (3 in all); fix these and read the file again to see the rest',
    );
  });
});

describe('readCsvAnalysis (a deduction or drop-off with no column)', () => {
  // The worst case reported: a header row lost in clean-up left attribution and displacement
  // unread, and the ratio came out higher with exit 0.
  const text = (header: string, ...rows: string[]) => outcomes(`${header}\n${rows.join('\n')}\n`);

  it('records each assumption the table has no column for, and the result warns of it', () => {
    const read = readCsvAnalysis({
      outcomes: text(
        'stakeholder,outcome,quantity,proxy_value,duration,deadweight,drop_off',
        'Older people,Less isolated,10,100,1,20%,0',
      ),
      inputs: { file: 'inputs.csv', text: 'description,value\nGrant,400\n' },
      settings,
    });
    if (!read.success) throw new Error(JSON.stringify(read.issues));
    expect(read.analysis.notStated).toEqual(['displacement', 'attribution']);
    const result = evaluateAnalysis(read.analysis);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'no displacement stated (no column, or a column blank in every row): displacement is 0 for every outcome; fill in the column, with 0% where that is meant, to state it',
      'no attribution stated (no column, or a column blank in every row): attribution is 0 for every outcome; fill in the column, with 0% where that is meant, to state it',
    ]);
    expect(result.sroiRatio).toBe('2'); // hand-computed: 10 × 100 × (1 − 0.2) = 800; 800 / 400
  });

  it('records a column blank in every row as not stated, and a column some row fills as stated', () => {
    // Every deduction column is there but no row fills one: read as 0 without a word they would
    // leave the ratio at the gross value (the silent wrong figure the warning exists for).
    const blank = readCsvAnalysis({
      outcomes: text(
        'stakeholder,outcome,quantity,proxy_value,duration,deadweight,displacement,attribution,drop_off',
        'Older people,Less isolated,10,100,1,,,,',
        'Carers,Less stress,5,100,1,,,,',
      ),
      settings,
    });
    expect(blank.success && blank.analysis.notStated).toEqual([
      'deadweight',
      'displacement',
      'attribution',
      'dropOff',
    ]);
    // One row fills deadweight and displacement (its other cells blank, the default 0): those two
    // are stated; attribution and drop-off, blank in both rows, are not.
    const some = readCsvAnalysis({
      outcomes: text(
        'stakeholder,outcome,quantity,proxy_value,duration,deadweight,displacement,attribution,drop_off',
        'Older people,Less isolated,10,100,1,20%,0%,,',
        'Carers,Less stress,5,100,1,,,,',
      ),
      settings,
    });
    expect(some.success && some.analysis.notStated).toEqual(['attribution', 'dropOff']);
  });

  it('lets the table decide, whatever the settings list, and takes a mapped header as the column', () => {
    const read = readCsvAnalysis({
      outcomes: text(
        'stakeholder,outcome,quantity,proxy_value,duration,Others %,deadweight,displacement',
        'Older people,Less isolated,10,100,1,25%,0,0',
      ),
      settings: { ...settings, notStated: ['deadweight'] },
      columns: { attribution: 'Others %' },
    });
    expect(read.success && read.analysis.notStated).toEqual(['dropOff']);
  });
});

describe('readCsvAnalysis (Total rows)', () => {
  it('leaves out a Total row of inputs, never summing it, and says where it was', () => {
    // The worst case reported: a Total row read as an input doubled the inputs.
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'stakeholder,outcome,quantity,proxy_value,duration,deadweight,displacement,attribution,drop_off\nOlder people,Less isolated,10,219,1,0,0,0,0\nTotal,,10,,,,,,\n',
      ),
      inputs: {
        file: 'inputs.csv',
        text: 'description,value\nGrant,600\nVolunteers,400\nTotal,"1,000"\n',
      },
      settings,
    });
    if (!read.success) throw new Error(read.issues.map(formatIssue).join('\n'));
    expect(read.analysis.inputs.map((i) => i.value)).toEqual(['600', '400']);
    expect(read.analysis.outcomes).toHaveLength(1);
    expect(evaluateAnalysis(read.analysis).sroiRatio).toBe('2.19'); // hand-computed: 10 × 219 / (600 + 400)
    expect(read.notes.filter((n) => n.code === 'total_rows').map((n) => [n.file, n.line])).toEqual([
      ['outcomes.csv', 3],
      ['inputs.csv', 4],
    ]);
    expect(read.tables.inputs).toMatchObject({ rowsRead: 2, rowsUsed: 2, totalRows: 1 });
  });

  it('reads a row whose label starts like a total but which holds an outcome', () => {
    const read = readCsvAnalysis({
      outcomes: outcomes(
        'stakeholder,outcome,quantity,proxy_value,duration\nTotal Care Ltd,Fewer falls,1,1,1\nSubtotals,1,1,1,1\n',
      ),
      settings,
    });
    // "Subtotals" with only numbers beside it is a Total row; "Total Care Ltd" is a stakeholder
    expect(read.success && read.analysis.outcomes.map((o) => o.stakeholder)).toEqual([
      'Total Care Ltd',
    ]);
  });
});
