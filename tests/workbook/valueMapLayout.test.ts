import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../src/csv/normaliseHeader.js';
import {
  valueMapColumns,
  valueMapResultRows,
  valueMapTitleRows,
  valueMapVersions,
} from '../../src/workbook/valueMapLayout.js';

describe('valueMapLayout', () => {
  it('cites a source for every version of the template it holds', () => {
    for (const version of valueMapVersions) {
      expect(version.source, version.id).toMatch(/^https?:\/\//);
      expect(version.found.length, version.id).toBeGreaterThan(20);
    }
  });

  it('names each column once, with a title and a question', () => {
    const keys = valueMapColumns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of valueMapColumns) {
      expect(c.title, c.key).not.toBe('');
      expect(c.question, c.key).not.toBe('');
    }
  });

  it('tells repeated titles apart only by place: a title is shared only by columns of the same text content', () => {
    // "Source" is the one title two columns share (after the indicator, after the proxy)
    const titles = valueMapColumns.filter((c) => c.written !== 'never').map((c) => c.title);
    const repeated = titles.filter((t, i) => titles.indexOf(t) !== i);
    expect(repeated).toEqual(['Source']);
  });

  it('keeps the SROI Network Value Map’s own questions for its columns', () => {
    // as printed under the titles of the training Value Map (docs/value-map.md)
    const question = (key: string) => valueMapColumns.find((c) => c.key === key);
    expect(question('outcome')?.question).toBe('How would the stakeholder describe the changes?');
    expect(question('indicator')?.question).toBe('How would you measure it?');
    expect(question('deadweight')?.question).toBe('What would have happened without the activity?');
    expect(question('attribution')?.question).toBe('Who else contributed to the change?');
    expect(question('dropOff')?.question).toBe('Does the outcome drop off in future years?');
    expect(question('stakeholder')?.alsoAsked).toContain(
      'Who do we have an affect on? Who has an effect on us?',
    );
  });

  it('gives titles and labels that stay distinct once compared as a reader compares headers', () => {
    for (const rows of [valueMapTitleRows, valueMapResultRows]) {
      const all = rows.flatMap((r) =>
        [r.label, ...r.alsoLabelled].map((l) => [normaliseHeader(l), r.key] as const),
      );
      const owner = new Map<string, string>();
      for (const [label, key] of all) {
        expect(owner.get(label) ?? key, label).toBe(key);
        owner.set(label, key);
      }
    }
  });
});
