import { configDefaults, defineConfig } from 'vitest/config';

/** `npm test`: everything the repository holds, nothing beside it (tests/reference has its own config). */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/reference/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
