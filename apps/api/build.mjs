// The production build: the server and the yg CLI bundled with esbuild into dist/, so nothing
// compiles TypeScript at run time. Our workspace packages (TypeScript sources) are bundled in;
// npm dependencies stay external and load from node_modules as usual.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@yugang/'));

await build({
  entryPoints: {
    server: 'src/server.ts',
    yg: 'src/cli/yg.ts',
    // Started as a worker thread by the imports (features/imports/reading-thread.ts).
    'reading.worker': 'src/features/imports/reading.worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
