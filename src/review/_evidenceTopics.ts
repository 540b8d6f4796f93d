import type { EvidenceTopic } from '../model/analysis.js';

/**
 * The assumptions an outcome can record evidence for, in the order of the Value Map's columns
 * (the model states them as the type `EvidenceTopic`; this is the same list at run time).
 */
export const EVIDENCE_TOPICS: readonly EvidenceTopic[] = [
  'quantity',
  'duration',
  'deadweight',
  'displacement',
  'attribution',
  'leakage',
  'dropOff',
];
