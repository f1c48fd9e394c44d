export const UNITS = 10_000;
/** A first run (fresh process: code not yet optimised) and three more, of which run.ts takes the median. */
export const RUNS = 4;
