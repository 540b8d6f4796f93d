/**
 * Analyses that exercise every part of the Value Map the writer writes: each discounting option,
 * start years, drop-off, a disbenefit, leakage, a price base with rebasing, a quantity profile, a
 * horizon that cuts outcomes short, inputs in later years, zero inputs, interleaved stakeholders,
 * and the informative fields (organisation, period, kind, outputs, evidence). Plus every
 * published fixture and the README's example.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnalysis } from '../../src/schema/parseAnalysis.js';
import type { Analysis } from '../../src/model/analysis.js';

const root = join(__dirname, '..', '..');

const everything = (() => {
  const parsed = parseAnalysis({
    name: 'Befriending, every feature',
    currency: 'GBP',
    priceYear: '2023-24',
    discount: { rate: '3.5%' },
    stakeholders: [
      { id: 'older', name: 'Older people', size: 120 },
      { id: 'volunteers', name: 'Volunteers', size: 25 },
      { id: 'council', name: 'Council' },
    ],
    inputs: [
      { stakeholder: 'council', description: 'Grant', value: '24000', kind: 'cash' },
      { stakeholder: 'volunteers', description: 'Volunteer time', value: '6000', kind: 'in-kind' },
      { stakeholder: 'council', description: 'Second-year grant', value: '5000', year: 2 },
      { description: 'Donations', value: '750.25' },
    ],
    outcomes: [
      {
        id: 'lonely',
        stakeholder: 'older',
        outcome: 'Feel less isolated',
        indicator: 'UCLA loneliness score fell by 3 or more',
        category: 'social',
        quantity: '40',
        proxy: {
          description: 'Value of feeling less lonely',
          value: '1000',
          source: 'HACT',
          priceYear: '2019-20',
        },
        duration: 3,
        deadweight: '20%',
        attribution: '25%',
        dropOff: '50%',
      },
      {
        id: 'confident',
        stakeholder: 'volunteers',
        outcome: 'More confident',
        quantity: '15',
        proxy: { value: '1500.50' },
        duration: 2,
        start: 2,
        deadweight: '40%',
        displacement: '5%',
        leakage: '10%',
        dropOff: '12.5%',
      },
      {
        id: 'falls',
        stakeholder: 'older',
        outcome: 'Fewer falls',
        category: 'fiscal',
        quantity: '0',
        quantityByYear: ['12', '8', '3.5'],
        proxy: { value: '3200', priceYear: '2021-22' },
        duration: 3,
        attribution: '33.333%',
        dropOff: '90%',
      },
      {
        id: 'worried',
        stakeholder: 'older',
        outcome: 'Worried about the change of service',
        quantity: '10',
        proxy: { value: '-200' },
        duration: 1,
      },
    ],
  });
  return {
    ...parsed,
    organisation: 'Age Concern Anytown',
    period: 'April 2023 – March 2024',
    kind: 'forecast',
    outcomes: parsed.outcomes.map((o) =>
      o.id === 'lonely'
        ? {
            ...o,
            output: '40 people befriended weekly',
            evidence: { quantity: 'Survey, n = 40', dropOff: 'Follow-up at 12 months' },
          }
        : o,
    ),
  } satisfies Analysis;
})();

const greenBookMid = parseAnalysis({
  name: 'Green Book schedule, mid-year',
  discount: { schedule: 'green-book', timing: 'mid' },
  inputs: [{ description: 'Capital', value: '100000' }],
  outcomes: [
    {
      stakeholder: 'Residents',
      outcome: 'Warmer homes',
      quantity: '25',
      proxy: { value: '800' },
      duration: 40,
      dropOff: '2%',
    },
    {
      stakeholder: 'Residents',
      outcome: 'Lower bills',
      quantity: '25',
      proxy: { value: '150.75' },
      duration: 33,
      start: 2,
    },
  ],
});

const ratesAtStart = parseAnalysis({
  name: 'Per-year rates, start of year, a short horizon',
  discount: { rates: ['5%', '4%', '3%'], timing: 'start' },
  horizon: 4,
  inputs: [
    { description: 'Set-up', value: '2000' },
    { description: 'Year 5 top-up', value: '500', year: 5 },
  ],
  outcomes: [
    {
      stakeholder: 'Young people',
      outcome: 'In work',
      quantity: '6',
      proxy: { value: '5000' },
      duration: 6,
      dropOff: '25%',
      deadweight: '30%',
    },
  ],
});

const noInputs = parseAnalysis({
  name: 'No inputs',
  discount: { rate: '0' },
  outcomes: [
    { stakeholder: 'A', outcome: 'B', quantity: '1', proxy: { value: '10' }, duration: 1 },
  ],
});

/** The analyses the writer's tests and the LibreOffice test run, by name. */
export function valueMapAnalyses(): { name: string; analysis: Analysis }[] {
  const published = readdirSync(join(root, 'fixtures'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    // every published evaluation; fixtures/csv, the CSV corpus, has no analysis.json of its own
    .filter((d) => existsSync(join(root, 'fixtures', d.name, 'analysis.json')))
    .map((d) => ({
      name: `fixtures/${d.name}`,
      analysis: parseAnalysis(
        JSON.parse(readFileSync(join(root, 'fixtures', d.name, 'analysis.json'), 'utf8')),
      ),
    }));
  return [
    { name: 'every feature', analysis: everything },
    { name: 'green book, mid-year', analysis: greenBookMid },
    { name: 'rates, start of year, horizon 4', analysis: ratesAtStart },
    { name: 'no inputs', analysis: noInputs },
    ...published,
    {
      name: 'examples/befriending',
      analysis: parseAnalysis(
        JSON.parse(readFileSync(join(root, 'examples', 'befriending', 'analysis.json'), 'utf8')),
      ),
    },
  ];
}
