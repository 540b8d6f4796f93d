/**
 * Where the editor shows a problem (src/app/issuePlaces.ts): the metadata settings and each
 * outcome's outputs and evidence have a control of their own, so their problems are shown there.
 */
import { describe, expect, it } from 'vitest';
import { placeId, placeOf } from '../../src/app/issuePlaces.js';
import { safeParseAnalysis } from '../../src/schema/parseAnalysis.js';

describe('placeOf', () => {
  it.each([
    [['organisation'], 'setting-organisation'],
    [['author'], 'setting-author'],
    [['period'], 'setting-period'],
    [['kind'], 'setting-kind'],
    [['date'], 'setting-date'],
    [['outcomes', 2, 'output'], 'cell-outcomes-2-output'],
    [['outcomes', 0, 'evidence', 'dropOff'], 'cell-outcomes-0-evidence-dropOff'],
    // the evidence as a whole (not an object) is the row's
    [['outcomes', 0, 'evidence'], 'row-outcomes-0'],
  ])('shows %j at %s', (path, id) => {
    const place = placeOf(path);
    expect(place === undefined ? undefined : placeId(place)).toBe(id);
  });

  it('places the library’s problem with an analysis kind at the kind’s control', () => {
    const parsed = safeParseAnalysis({
      name: 'x',
      kind: 'estimate',
      outcomes: [{ stakeholder: 's', outcome: 'o', quantity: 1, proxy: { value: 1 }, duration: 1 }],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.issues.map((issue) => issue.path);
    expect(paths).toEqual([['kind']]);
    const place = placeOf(paths[0] ?? []);
    expect(place === undefined ? undefined : placeId(place)).toBe('setting-kind');
  });
});
