import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores on the shared machines: keep the pool small so integration suites that open
    // loopback ports do not starve each other.
    maxWorkers: 2,
    // Generous on purpose: a timeout is for a hung test, and a busy 2-core machine running two
    // suites at once makes the heaviest ones (pact verification of every event, a day of sessions) take minutes.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
