/** How many values a message names before it gives a count and a few examples instead. */
const NAMED = 5;

/** How many examples it then gives. */
const EXAMPLES = 3;

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
  const { named, count } = firstOf(values);
  if (count <= NAMED) return `${noun}: ${count === 0 ? 'none' : named.join(', ')}`;
  return `one of ${grouped(count)} ${noun}, e.g. ${named.slice(0, EXAMPLES).join(', ')}`;
}

/**
 * Values a message names, in bounded length: every one when there are at most five, otherwise
 * the first three and how many more. @internal
 *
 * @example
 * someOf(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
 * //=> '"a", "b", "c" and 4 more'
 */
export function someOf(values: Iterable<string>): string {
  const { named, count } = firstOf(values);
  if (count <= NAMED) return named.join(', ');
  return `${named.slice(0, EXAMPLES).join(', ')} and ${grouped(count - EXAMPLES)} more`;
}

/** The first few values, quoted, and how many there are (counted, not kept). */
function firstOf(values: Iterable<string>): { named: string[]; count: number } {
  const named: string[] = [];
  let count = 0;
  for (const value of values) {
    if (count <= NAMED) named.push(`"${value}"`);
    count++;
  }
  return { named, count };
}

/** A count with thousands separators: 10,000. */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
