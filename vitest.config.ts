import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    // Vitest's default is one worker less than the cores: a single worker on a 2-core machine,
    // idle while a file waits on Postgres, Chromium or a server process it started. One worker
    // per core (at least two) keeps the cores busy; `--maxWorkers` still overrides it.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
