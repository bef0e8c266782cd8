import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_SECTIONS,
  METRIC_IDS,
  METRIC_UNITS,
  type MetricDefinition,
  catalog,
  isMetricId,
  metricById,
  metricName,
  metricsInSection,
} from './catalog.js';
import { LOCALES } from './locale.js';

// CI clones the shared notes beside the repository: <root>/../shared.
const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const metricsDoc = readFileSync(`${shared}METRICS.md`, 'utf8');

function seed(article: '000' | '002'): string {
  const file = readdirSync(`${shared}seeds`).find((f) => f.startsWith(`${article}_`));
  if (!file) throw new Error(`seed article ${article} not found in ${shared}seeds`);
  return readFileSync(`${shared}seeds/${file}`, 'utf8');
}

/** Backticked words in METRICS.md that are field names or enum values, not metrics. */
const NOT_METRICS = new Set([
  'public',
  'private',
  'cancelled',
  'returned',
  'joined_private_at',
  'left_private_at',
  'first_order',
  'private_join',
  'high_value',
  'potential',
  'ordinary',
]);

/** Each backticked identifier of METRICS.md with the numbered section it first appears in (0 = Words). */
function documentedIds(): Map<string, number> {
  const found = new Map<string, number>();
  let section = 0;
  for (const line of metricsDoc.split('\n')) {
    const heading = /^## (\d+)\./.exec(line);
    if (heading) section = Number(heading[1]);
    for (const [, span] of line.matchAll(/`([^`]+)`/g)) {
      if (span!.includes('/')) continue; // file paths and routes
      const id = /^[a-z][a-z0-9_]*/.exec(span!)?.[0];
      if (id && !found.has(id)) found.set(id, section);
    }
  }
  return found;
}

const CJK = /[\u4e00-\u9fff]/;

describe('catalog ids', () => {
  it('when the catalog is built, then ids are unique and in METRIC_IDS order', () => {
    const ids = catalog.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...METRIC_IDS]);
  });

  it('when METRICS.md names a metric in backticks, then the catalog has it in the same section', () => {
    const documented = documentedIds();
    expect(documented.size).toBeGreaterThan(30); // the parse found the document's ids
    for (const [id, section] of documented) {
      if (NOT_METRICS.has(id)) continue;
      expect(isMetricId(id), `${id} from METRICS.md`).toBe(true);
      expect(metricById(id).section, id).toBe(section);
    }
  });

  it('when METRICS.md lists the section-1 table, then every row id is a section-1 metric', () => {
    const table = metricsDoc.slice(metricsDoc.indexOf('## 1.'), metricsDoc.indexOf('## 2.'));
    const rows = [...table.matchAll(/^\| `([a-z_0-9]+)` \|/gm)].map((m) => m[1]!);
    expect(rows).toContain('purchase_frequency');
    expect(rows.length).toBe(11);
    for (const id of rows) expect(metricById(id).section, id).toBe(1);
  });

  it('when an id is looked up, then known ids resolve and unknown ones throw', () => {
    expect(metricById('guide_rate').name['zh-CN']).toBe('私域导流完成率');
    expect(metricName('return_rate', 'zh-CN')).toBe('退货率');
    expect(() => metricById('guide_rates')).toThrow(RangeError);
    expect(isMetricId('nurture_cost')).toBe(true);
    expect(isMetricId('toString')).toBe(false);
    expect(isMetricId(42)).toBe(false);
  });

  it('when sections are listed, then each has a name and at least one metric', () => {
    expect(CATALOG_SECTIONS.map((s) => s.section)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of CATALOG_SECTIONS) {
      expect(metricsInSection(s.section).length, `section ${s.section}`).toBeGreaterThan(0);
    }
    expect(metricsInSection(1).map((m) => m.id)).toContain('commission_saved');
  });

  it('when someone tries to change a record, then the frozen catalog refuses', () => {
    const m = metricById('gmv') as { unit: string };
    expect(() => {
      m.unit = 'count';
    }).toThrow(TypeError);
  });
});

describe('catalog texts', () => {
  it.each(catalog.map((m) => [m.id, m] as const))(
    'when %s is shown in either language, then name, definition and formula are one non-empty line',
    (_id, m: MetricDefinition) => {
      for (const field of [m.name, m.definition, m.formula]) {
        for (const locale of LOCALES) {
          expect(field[locale].trim().length, locale).toBeGreaterThan(0);
          expect(field[locale]).not.toMatch(/\n/);
        }
        expect(field['zh-CN']).toMatch(CJK);
        expect(field.en).not.toMatch(CJK);
      }
      for (const note of [m.defaultTarget?.note, ...m.benchmarks.map((b) => b.note)]) {
        if (!note) continue;
        expect(note['zh-CN']).toMatch(CJK);
        expect(note.en).not.toMatch(CJK);
      }
    },
  );

  it('when names are compared, then no two metrics share a name in a language', () => {
    for (const locale of LOCALES) {
      const names = catalog.map((m) => m.name[locale]);
      expect(new Set(names).size, locale).toBe(names.length);
    }
  });

  it('when a source is cited, then its section heading is in that article', () => {
    const articles = { '000': seed('000'), '002': seed('002') };
    for (const m of catalog) {
      expect(
        articles[m.source.article].includes(m.source.section),
        `${m.id}: ${m.source.section}`,
      ).toBe(true);
    }
  });
});

/** A value is admissible in a unit (money in fen, ratios as fractions). */
function fitsUnit(unit: MetricDefinition['unit'], value: number): boolean {
  switch (unit) {
    case 'ratio':
      return value >= 0 && value <= 1;
    case 'count':
    case 'money':
      return Number.isSafeInteger(value) && value >= 0;
    case 'months':
      return Number.isInteger(value) && value >= 1;
    case 'score':
      return value >= 0 && value <= 100;
    case 'stage':
      return [1, 2, 3].includes(value);
    default:
      return Number.isFinite(value) && value > 0;
  }
}

describe('catalog targets and benchmarks', () => {
  it('when a metric has a default target, then it fits the unit and points the good way', () => {
    for (const m of catalog) {
      expect(METRIC_UNITS, m.id).toContain(m.unit);
      const target = m.defaultTarget;
      if (!target) continue;
      if (target.relativeTo) {
        expect(metricById(target.relativeTo).unit, m.id).toBe(m.unit);
        expect(target.value, m.id).toBeGreaterThan(0);
      } else {
        expect(fitsUnit(m.unit, target.value), m.id).toBe(true);
      }
      const direction = { '>=': ['up'], '<=': ['down', 'neutral'], '=': ['neutral'] }[
        target.comparator
      ];
      expect(direction, m.id).toContain(m.goodDirection);
    }
  });

  it('when a metric has benchmarks, then each is for a reported segment and fits the unit', () => {
    for (const m of catalog) {
      for (const b of m.benchmarks) {
        expect(m.segments, m.id).toContain(b.segment);
        if (b.basis === 'absolute') expect(fitsUnit(m.unit, b.value), m.id).toBe(true);
        else expect(b.value, m.id).toBeGreaterThan(0);
      }
    }
  });

  it('when a metric sums over days, then it is a count or money flow, not a rate or distinct count', () => {
    const summed = catalog.filter((m) => m.aggregation === 'sum');
    expect(summed.map((m) => m.id)).toContain('gmv');
    for (const m of summed) expect(['count', 'money'], m.id).toContain(m.unit);
    for (const id of ['buyers', 'private_members', 'aov', 'return_rate']) {
      expect(metricById(id).aggregation, id).toBe('level');
    }
  });

  it('when segments are declared, then they are unique and non-empty', () => {
    for (const m of catalog) {
      expect(m.segments.length, m.id).toBeGreaterThan(0);
      expect(new Set(m.segments).size, m.id).toBe(m.segments.length);
    }
  });

  it('when the articles give a rule, then the catalog carries its figure', () => {
    expect(metricById('guide_rate').defaultTarget).toMatchObject({ comparator: '>=', value: 0.05 });
    expect(metricById('nurture_cost').defaultTarget).toMatchObject({
      comparator: '<=',
      value: 3,
      relativeTo: 'public_cac',
    });
    expect(metricById('nurture_cost_ratio').defaultTarget).toMatchObject({
      comparator: '<=',
      value: 3,
    });
    expect(metricById('active_adds').defaultTarget?.value).toBe(10);
    expect(metricById('passive_adds').defaultTarget?.value).toBe(30);
    expect(metricById('mass_sends').defaultTarget?.value).toBe(1);
    expect(metricById('internal_member_ratio').defaultTarget).toMatchObject({
      comparator: '>=',
      value: 0.05,
    });
    expect(metricById('internal_member_ratio').defaultTarget?.note?.['zh-CN']).toContain('27%');
    const frequency = metricById('purchase_frequency').benchmarks;
    expect(frequency.find((b) => b.segment === 'private')?.value).toBe(2.1);
    expect(frequency.find((b) => b.segment === 'public')?.value).toBe(1.2);
  });

  it('when the 60/20/20 budget shares are added, then they make 100%', () => {
    const shares = [
      'budget_share_cold_start',
      'budget_share_tools',
      'budget_share_stock_and_trial',
    ].map((id) => metricById(id).defaultTarget?.value ?? Number.NaN);
    expect(shares).toEqual([0.6, 0.2, 0.2]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
