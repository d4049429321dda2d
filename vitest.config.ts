import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Compiles the CLI once per run into a private folder for the child-process tests (test/cli/).
    globalSetup: ['test/cli/global-setup.ts'],
  },
});
