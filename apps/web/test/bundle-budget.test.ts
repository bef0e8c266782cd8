/**
 * The phone budget: the JavaScript and CSS the first page loads (the entry and its preloads)
 * stay ≤ 300 KB gzip, and ECharts is not among them (it loads with the pages that draw charts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(path.join(tmpdir(), 'yugang-web-budget-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const BUDGET_KB = 300;

describe('bundle budget', () => {
  it('when the app is built, then the first page loads at most 300 KB gzip and no ECharts', async () => {
    await build({
      root: webRoot,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1]!,
    );
    expect(initial.some((f) => f.endsWith('.js'))).toBe(true);
    const sizes = initial.map((file) => {
      const text = readFileSync(path.join(outDir, file));
      return { file, gzipKb: gzipSync(text).length / 1024, echarts: text.includes('getDataURL') };
    });
    const total = sizes.reduce((sum, s) => sum + s.gzipKb, 0);
    console.info(
      `initial load: ${total.toFixed(1)} KB gzip (${sizes.map((s) => `${path.basename(s.file)} ${s.gzipKb.toFixed(1)}`).join(', ')})`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_KB);
    expect(sizes.filter((s) => s.echarts)).toEqual([]);
  });
});
