/**
 * The eight principles of social value of Social Value International, by the names under which
 * assurers cite them (the SROI Guide of 2012 states the first seven; "Be responsive" was added
 * to them later). Every finding of `checkAnalysis` names the principle it serves
 * (docs/check.md).
 *
 * @example
 * socialValuePrinciples.length;
 * //=> 8
 */
export const socialValuePrinciples = [
  'Involve stakeholders',
  'Understand what changes',
  'Value the things that matter',
  'Only include what is material',
  'Do not over-claim',
  'Be transparent',
  'Verify the result',
  'Be responsive',
] as const;

/** One of the eight principles of social value, by name. */
export type SocialValuePrinciple = (typeof socialValuePrinciples)[number];
