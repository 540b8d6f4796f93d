/**
 * Reduces a column header to the form in which headers are compared: accents removed, lower
 * case, and every character that is not a letter or a digit dropped. So `"Drop off %"`,
 * `"drop_off"`, `"Drop-Off"` and `"dropOff"` all read `"dropoff"`, and `"Value £"` reads
 * `"value"`. Matching is therefore case-, space- and punctuation-insensitive (docs/csv-format.md).
 *
 * @example
 * normaliseHeader('  Financial proxy value (£) ');
 * //=> 'financialproxyvalue'
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
