import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Makes the folder the test files share for what is built once per run (test/run-once.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // The first file of a run that needs them builds the shared templates and the web app
    // (test/run-once.ts) in its beforeAll, while the others wait in theirs.
    hookTimeout: 300_000,
  },
});
