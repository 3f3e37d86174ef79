import { defineConfig } from 'vitest/config';

/** Unit and integration tests; sized for a 2-core machine. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
