import { describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo, endStep, UNDO_LIMIT } from '../../src/app/History.js';
import { valueAt, withValueAt } from '../../src/app/AnalysisDocument.js';
import { shownValue, storedValue } from '../../src/app/fields.js';
import { currentDocument, openWorkspace, workspaceReducer } from '../../src/app/workspace.js';
import type { AnalysisDocument } from '../../src/app/AnalysisDocument.js';
import type { WorkspaceAction } from '../../src/app/workspace.js';

const doc: AnalysisDocument = {
  name: 'x',
  outcomes: [
    { outcome: 'a', proxy: { value: '1' } },
    { outcome: 'b', proxy: { value: '2' } },
    { outcome: 'c', proxy: { value: '3' } },
  ],
  inputs: [{ description: 'Grant', value: '10' }],
};

function apply(actions: readonly WorkspaceAction[]) {
  return actions.reduce(workspaceReducer, openWorkspace(doc, 'x.json'));
}

describe('withValueAt', () => {
  it('sets a nested value and leaves the original as it was', () => {
    const next = withValueAt(doc, ['outcomes', 1, 'proxy', 'value'], '20');
    expect(valueAt(next, ['outcomes', 1, 'proxy', 'value'])).toBe('20');
    expect(valueAt(doc, ['outcomes', 1, 'proxy', 'value'])).toBe('2');
    // rows not on the path are shared, not copied
    expect(valueAt(next, ['outcomes', 0])).toBe(valueAt(doc, ['outcomes', 0]));
  });

  it('creates the objects on the way and removes a key for undefined', () => {
    expect(withValueAt({}, ['discount', 'rate'], '3%')).toEqual({ discount: { rate: '3%' } });
    expect(withValueAt({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });

  it('reads nothing through an own-property-less path', () => {
    expect(valueAt({ a: 'x' }, ['a', 'length'])).toBeUndefined();
    expect(valueAt({}, ['constructor'])).toBeUndefined();
  });
});

describe('storedValue', () => {
  it.each([
    ['whole', '3', 3],
    ['whole', '3.5', '3.5'],
    ['priceYear', '2023', 2023],
    ['priceYear', '2023-24', '2023-24'],
    ['fraction', ' 25% ', '25%'],
    ['number', '£1,200', '£1,200'],
    ['list', '40; 30 |20', ['40', '30', '20']],
    ['text', '  Older people ', '  Older people '],
    ['fraction', '   ', undefined],
  ] as const)('%s "%s" is stored as %j', (kind, text, stored) => {
    expect(storedValue(kind, text)).toEqual(stored);
  });

  it('shows what it stores as the text typed (for whole, list and plain values)', () => {
    for (const [kind, text] of [
      ['whole', '12'],
      ['list', '40; 30'],
      ['fraction', '12.5%'],
    ] as const) {
      expect(shownValue(storedValue(kind, text))).toBe(text);
    }
  });
});

describe('History', () => {
  it('keeps typing in one field as one step until the step ends', () => {
    let history = startHistory('');
    for (const text of ['1', '12', '123']) history = record(history, text, 'quantity');
    history = endStep(history);
    history = record(history, '1234', 'quantity');
    expect(history.past).toEqual(['', '123']);
    expect(undo(undo(history)).present).toBe('');
  });

  it('loses redo on a new change, and does nothing with nothing to undo or redo', () => {
    const history = undo(record(record(startHistory(1), 2), 3));
    expect(history.future).toEqual([3]);
    expect(record(history, 4).future).toEqual([]);
    const fresh = startHistory(1);
    expect(undo(fresh)).toBe(fresh);
    expect(redo(fresh)).toBe(fresh);
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, () => {
    let history = startHistory(0);
    for (let i = 1; i <= UNDO_LIMIT + 10; i++) history = record(history, i);
    expect(history.past).toHaveLength(UNDO_LIMIT);
    expect(history.past[0]).toBe(10); // the 10 oldest are dropped: 0 … 9
  });
});

describe('workspaceReducer', () => {
  it('edits a field, and undo and redo walk back and forth', () => {
    const edited = apply([{ type: 'edit', path: ['outcomes', 0, 'deadweight'], value: '20%' }]);
    expect(valueAt(currentDocument(edited), ['outcomes', 0, 'deadweight'])).toBe('20%');
    const undone = workspaceReducer(edited, { type: 'undo' });
    expect(currentDocument(undone)).toBe(doc);
    expect(currentDocument(workspaceReducer(undone, { type: 'redo' }))).toEqual(
      currentDocument(edited),
    );
  });

  it('inserts, removes and moves rows, each one undo step', () => {
    const steps: WorkspaceAction[] = [
      { type: 'insertRow', table: 'outcomes', at: 1, row: { outcome: 'new' } },
      { type: 'removeRow', table: 'outcomes', at: 3 },
      { type: 'moveRow', table: 'outcomes', from: 0, to: 2 },
    ];
    const after = apply(steps);
    const names = (w: ReturnType<typeof apply>) =>
      (currentDocument(w)['outcomes'] as { outcome: string }[]).map((o) => o.outcome);
    expect(names(after)).toEqual(['new', 'b', 'a']);
    expect(names(workspaceReducer(after, { type: 'undo' }))).toEqual(['a', 'new', 'b']);
    expect(after.history.past).toHaveLength(3);
  });

  it('adds a first input to a map that has none', () => {
    const bare = openWorkspace({ name: 'x', outcomes: [] }, 'x');
    const added = workspaceReducer(bare, {
      type: 'insertRow',
      table: 'inputs',
      at: 5,
      row: { value: '1' },
    });
    expect(currentDocument(added)['inputs']).toEqual([{ value: '1' }]);
  });

  it('ignores a row that is not there', () => {
    const opened = openWorkspace(doc, 'x');
    for (const action of [
      { type: 'removeRow', table: 'inputs', at: 1 },
      { type: 'moveRow', table: 'outcomes', from: 0, to: 3 },
      { type: 'moveRow', table: 'outcomes', from: -1, to: 0 },
    ] as const) {
      expect(workspaceReducer(opened, action)).toBe(opened);
    }
  });

  it('does not change the document it was given', () => {
    const frozen = JSON.stringify(doc);
    apply([
      { type: 'edit', path: ['outcomes', 2, 'proxy', 'value'], value: '9' },
      { type: 'removeRow', table: 'inputs', at: 0 },
      { type: 'moveRow', table: 'outcomes', from: 2, to: 0 },
    ]);
    expect(JSON.stringify(doc)).toBe(frozen);
  });
});
