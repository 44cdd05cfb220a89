import { defineConfig } from 'vitest/config';

/** `npm run test:reference`: the tests against the reference material beside the repository (../shared/reference). */
export default defineConfig({
  test: {
    include: ['tests/reference/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
