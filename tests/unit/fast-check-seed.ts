// Vitest setup: the seed of every fast-check property. Local runs draw a new one each time (fast-check
// prints it on failure); FUZZ_SEED replays one; CI replays a fixed one, so that a landing never depends
// on the draw while developers keep exploring.
import fc from 'fast-check';

const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261201 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
