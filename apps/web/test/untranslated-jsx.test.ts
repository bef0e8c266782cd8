/**
 * Every user-facing string comes from a messages object in both languages, so no JSX may hold
 * literal words: text between tags, `{'…'}` children, or labelling attributes (aria-label,
 * title, alt, placeholder). Fails with the file, line and text of each literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
const WORDS = /[A-Za-z\u3400-\u9fff]/;
const LABELS = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-description']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

export function literalsIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(src, fileName)}:${line + 1} ${JSON.stringify(value.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) ||
        ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      ts.isJsxElement(node.parent) &&
      WORDS.test(node.expression.text)
    ) {
      report(node, node.expression.text);
    }
    if (
      ts.isJsxAttribute(node) &&
      LABELS.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      WORDS.test(node.initializer.text)
    ) {
      report(node, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('translations', () => {
  it('when the checker reads JSX with literal words, then it reports each of them', () => {
    const sample = `const a = <p title="Hello">你好 <b>{'world'}</b>{t.ok}{' '}</p>;`;
    expect(literalsIn(path.join(src, 'sample.tsx'), sample)).toEqual([
      'sample.tsx:1 "Hello"',
      'sample.tsx:1 "你好"',
      'sample.tsx:1 "world"',
    ]);
  });

  it('when the app is scanned, then no .tsx file holds an untranslated literal in JSX', () => {
    const literals = tsxFiles(src).flatMap((file) => literalsIn(file, readFileSync(file, 'utf8')));
    expect(literals).toEqual([]);
  });
});
