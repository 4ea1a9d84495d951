import { readSnapshot } from './snapshot';

/**
 * The popup's storage read, started as this module is evaluated: `main.tsx` imports it before
 * React, so that storage answers while React's code is still being evaluated.
 */
export const firstSnapshot = readSnapshot();
