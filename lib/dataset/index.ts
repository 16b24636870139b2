// The dataset module's public face: types, validation, normalisation and catalog lookups
// (no Node or browser dependency; load-node.ts and bundled.ts are imported directly where needed).
export * from './types';
export { validateDataset, formatProblem, checkDate, checkSourceUrl, checkCatalogDomain, type DatasetProblem, type DatasetValidation, type ValidateOptions } from './validate';
export { normaliseDataset, deriveAmountUsd } from './normalise';
export { indexEntities, entityById, topVendorOf, familyOf, findingsByVendor, type EntityIndex } from './catalog';
