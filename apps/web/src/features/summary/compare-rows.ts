/**
 * The public-vs-private comparison of METRICS §1 as rows, and the article's benchmarks as
 * reference marks in the metric's unit (a benchmark relative to public is multiplied out by the
 * shop's own public value). Pure.
 */
import type { BenchmarkMark } from '@yugang/charts';
import { metricById, SECTION1_IDS, type Locale } from '@yugang/metrics';
import type { ResponseOf, summaryContract } from '@yugang/contract';

type Summary = ResponseOf<typeof summaryContract.get>;
export type Section1Id = (typeof SECTION1_IDS)[number];

export interface CompareRow {
  id: Section1Id;
  private: { value: number | null; numerator: number; denominator: number };
  public: { value: number | null; numerator: number; denominator: number };
  /** private / public, when both are positive. */
  ratio: number | null;
  marks: BenchmarkMark[];
}

export function benchmarkMarks(
  id: Section1Id,
  publicValue: number | null,
  locale: Locale,
): BenchmarkMark[] {
  const marks: BenchmarkMark[] = [];
  for (const b of metricById(id).benchmarks) {
    if (b.segment === 'all') continue;
    if (b.basis === 'absolute') {
      marks.push({ side: b.segment, value: b.value, label: b.note[locale] });
    } else if (publicValue !== null) {
      marks.push({ side: b.segment, value: b.value * publicValue, label: b.note[locale] });
    }
  }
  return marks;
}

export function compareRows(summary: Summary, locale: Locale): CompareRow[] {
  return SECTION1_IDS.flatMap((id) => {
    const m = summary.metrics[id];
    if (!m) return [];
    const p = m.private.value;
    const q = m.public.value;
    return [
      {
        id,
        private: m.private,
        public: m.public,
        ratio: p !== null && q !== null && q > 0 && p >= 0 ? p / q : null,
        marks: benchmarkMarks(id, q, locale),
      },
    ];
  });
}
