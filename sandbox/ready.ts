/** The line `sandbox/server.ts` prints when it serves; the browser tests wait for it. */
export const READY_PREFIX = 'Sandbox ready at ';
