import { describe, expect, it } from 'vitest';
import * as sroi from '../src/index.js';

/**
 * The public surface. A change to this list is a change to the API: make it deliberately, and
 * record it in CHANGELOG.md.
 */
describe('src/index.ts', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(sroi).sort()).toMatchSnapshot();
  });
});
