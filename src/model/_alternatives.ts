/** How many alternatives a message names before it gives a count and a few examples instead. */
const NAMED = 5;

/**
 * The alternatives an error message offers, in bounded length whatever the input's size: every
 * one when there are at most five (`ids: "a", "b"`), otherwise how many there are and the first
 * three (`one of 10,000 ids, e.g. "a", "b", "c"`). A message about one bad key in a large input
 * must not list the whole input. @internal
 *
 * @example
 * alternatives('ids', ['a', 'b']);
 * //=> 'ids: "a", "b"'
 * @example
 * alternatives('ids', Array.from({ length: 10000 }, (_, i) => `o${i + 1}`));
 * //=> 'one of 10,000 ids, e.g. "o1", "o2", "o3"'
 */
export function alternatives(noun: string, values: Iterable<string>): string {
  const named: string[] = [];
  let count = 0;
  for (const value of values) {
    if (count < NAMED + 1) named.push(`"${value}"`);
    count++;
  }
  if (count <= NAMED) return `${noun}: ${count === 0 ? 'none' : named.join(', ')}`;
  return `one of ${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${noun}, e.g. ${named.slice(0, 3).join(', ')}`;
}
