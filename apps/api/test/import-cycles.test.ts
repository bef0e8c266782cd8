import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * ESLint's import-x/no-cycle skips `import type`, so this walks apps/api/src with type imports
 * included: a cycle made of type imports still ties two modules into one to read and to change.
 */
const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports and re-exports of a file, `import type` included, resolved to .ts files. */
export function localImports(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/g),
  ];
  return specifiers.map((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
}

/** Every cycle's modules (strongly connected components of more than one module, or a self-import). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('import cycles', () => {
  it('when two modules import each other, even by types only, then the check names them', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', []],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b']]);
    expect(localImports('/x/a.ts', "import type { B } from './b.js';\n")).toEqual(['/x/b.ts']);
  });

  it('when apps/api/src is read with type imports, then no module is in a cycle', () => {
    const graph = new Map(
      sourceFiles(SRC).map((file) => [file, localImports(file, readFileSync(file, 'utf8'))]),
    );
    const named = cycles(graph).map((c) => c.map((file) => path.relative(SRC, file)));
    expect(named).toEqual([]);
  });
});
