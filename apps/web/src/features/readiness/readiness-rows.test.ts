import { describe, expect, it } from 'vitest';
import { previousAssessment, radarAxes } from './readiness-rows';

const assessment = (id: number, createdAt: string, scores: Record<string, number | null>) => ({
  id,
  createdAt,
  answers: {},
  result: {
    dimensions: Object.entries(scores).map(([dimension, score]) => ({
      dimension,
      label: { 'zh-CN': `维度${dimension}`, en: `Dim ${dimension}` },
      score,
      answered: 1,
      questions: 3,
    })),
  },
});

describe('readiness rows', () => {
  it('finds the assessment just before the latest, whatever the history order', () => {
    const a = assessment(1, '2026-01-01T00:00:00Z', { s: 10 });
    const b = assessment(2, '2026-02-01T00:00:00Z', { s: 20 });
    const c = assessment(3, '2026-03-01T00:00:00Z', { s: 30 });
    const data = { latest: c, history: [a, c, b] } as unknown as Parameters<
      typeof previousAssessment
    >[0];
    expect(previousAssessment(data)?.id).toBe(2);
    expect(previousAssessment({ latest: c, history: [c] } as unknown as typeof data)).toBeNull();
    expect(previousAssessment({ latest: null, history: [] } as unknown as typeof data)).toBeNull();
  });

  it('lines the previous scores up with the latest assessment’s dimensions', () => {
    const latest = assessment(2, '2026-02-01', { strategy: 80, team: null });
    const previous = assessment(1, '2026-01-01', { team: 40, strategy: 50 });
    expect(radarAxes(latest as never, previous as never, 'en')).toEqual({
      dimensions: ['Dim strategy', 'Dim team'],
      latest: [80, null],
      previous: [50, 40],
    });
    expect(radarAxes(latest as never, null, 'zh-CN').previous).toBeNull();
  });
});
