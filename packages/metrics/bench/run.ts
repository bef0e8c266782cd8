/**
 * `pnpm bench` for @yugang/metrics: runs each benchmark module in turn and prints one table per
 * module. Absolute times depend on a shared, noisy machine; compare the ratios.
 */
import * as bgNbd from './bg-nbd.bench.js';

interface BenchModule {
  name: string;
  run: () => bgNbd.BenchLine[] | Promise<bgNbd.BenchLine[]>;
}

const modules: BenchModule[] = [bgNbd];

function table(lines: readonly bgNbd.BenchLine[]): string {
  const widths = [
    Math.max(7, ...lines.map((l) => l.measure.length)),
    Math.max(5, ...lines.map((l) => l.value.length)),
  ] as const;
  const row = (a: string, b: string, c: string) =>
    `${a.padEnd(widths[0])}  ${b.padStart(widths[1])}  ${c}`.trimEnd();
  return [
    row('measure', 'value', 'note'),
    row('-'.repeat(widths[0]), '-'.repeat(widths[1]), '----'),
    ...lines.map((l) => row(l.measure, l.value, l.note ?? '')),
  ].join('\n');
}

const startedAt = performance.now();
for (const module of modules) {
  const lines = await module.run();
  console.log(`\n## ${module.name}\n`);
  console.log(table(lines));
}
console.log(
  `\n(node ${process.version}, ${((performance.now() - startedAt) / 1000).toFixed(1)} s in all)`,
);
