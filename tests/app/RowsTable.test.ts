/**
 * Which rows a table of the editor draws (src/app/RowsTable.ts): the rows on the screen and ten
 * more on either side, kept while they still cover the screen and are not thirty rows too many.
 * Each expected span is worked out by hand from the row height, the body's place and the screen.
 */
import { describe, expect, it } from 'vitest';
import { drawnRows, drawnSpan } from '../../src/app/RowsTable.js';

const NONE = { first: 0, last: -1 };

describe('drawnSpan', () => {
  it.each([
    // 100 rows of 40 px; the screen is 800 px high
    ['the body below the screen: the first rows, ready', NONE, 100, 900, { first: 0, last: 10 }],
    // rows 0–19 show (0..800 px); 10 more after them
    ['the body at the top of the screen', NONE, 100, 0, { first: 0, last: 29 }],
    // scrolled 2,000 px into the body: rows 50 (2000/40) to 69 show
    ['the body scrolled into', NONE, 100, -2000, { first: 40, last: 79 }],
    // scrolled past the end: the last row is "on the screen"
    ['the body above the screen', NONE, 100, -9000, { first: 89, last: 99 }],
    ['a table of no rows', NONE, 0, 0, NONE],
  ])('%s', (_what, now, count, top, expected) => {
    expect(drawnSpan(now, count, top, 800, 40)).toEqual(expected);
  });

  it('keeps what is drawn while it covers the screen, and cuts back when far too much is', () => {
    // rows 50–69 show; 40–79 would be drawn afresh
    expect(drawnSpan({ first: 30, last: 95 }, 100, -2000, 800, 40)).toEqual({
      first: 30,
      last: 95,
    }); // 66 rows drawn, 26 more than the 40 wanted: within the slack of 30
    expect(drawnSpan({ first: 0, last: 99 }, 100, -2000, 800, 40)).toEqual({
      first: 40,
      last: 79,
    }); // 100 drawn, 60 too many
    expect(drawnSpan({ first: 55, last: 95 }, 100, -2000, 800, 40)).toEqual({
      first: 40,
      last: 79,
    }); // rows 50–54 show but are not drawn
  });
});

describe('drawnRows', () => {
  it('adds the rows kept drawn to the run, in order, once each, within the table', () => {
    expect(drawnRows({ first: 3, last: 5 }, 10, [4, 8, undefined, 12, -1])).toEqual([3, 4, 5, 8]);
    expect(drawnRows({ first: 0, last: 20 }, 3, [])).toEqual([0, 1, 2]);
    expect(drawnRows(NONE, 3, [1])).toEqual([1]);
  });
});
