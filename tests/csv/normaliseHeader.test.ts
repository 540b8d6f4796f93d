import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../src/csv/normaliseHeader.js';

describe('normaliseHeader', () => {
  it.each([
    ['drop_off', 'dropoff'],
    ['Drop off %', 'dropoff'],
    ['  DROP-OFF ', 'dropoff'],
    ['dropOff', 'dropoff'],
    ['Value £', 'value'],
    ['Financial proxy value (£)', 'financialproxyvalue'],
    ['Intended/unintended changes', 'intendedunintendedchanges'],
    ['Bénéficiaire', 'beneficiaire'],
    ['', ''],
  ])('reads %j as %j', (header, expected) => {
    expect(normaliseHeader(header)).toBe(expected);
  });
});
