// Predictions for the evaluation: each corpus line scanned as its own document with no URL, by the
// same function `scan --lines` prints (lib/cli/scan.ts), so the score measures what users get.
import { scanDocument } from '../cli/scan';
import type { Dataset } from '../dataset/types';
import { compileMatcher } from '../matcher/index';
import type { Predict } from './score';

/** The top-level vendors `scan --lines` would print for one line of text. */
export function scanPredictor(dataset: Dataset): Predict {
  const matcher = compileMatcher(dataset.entities, dataset.topics);
  return (text) => scanDocument(matcher, dataset.findings, 'line', null, text).vendors;
}
