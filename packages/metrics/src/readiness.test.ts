import { describe, expect, it } from 'vitest';
import {
  PRE_ACTIONS,
  READINESS_DIMENSIONS,
  READINESS_QUESTIONS,
  organisationStage,
  preActionsProgress,
  scoreReadiness,
} from './readiness.js';

function allAnswers(scale: number, yes: boolean): Record<string, number | boolean> {
  return Object.fromEntries(
    READINESS_QUESTIONS.map((q) => [q.id, q.kind === 'scale' ? scale : yes]),
  );
}

describe('readiness self-assessment', () => {
  it('when the question set is read, then it covers the four dimensions of seed 002 §6 in both languages', () => {
    expect(READINESS_DIMENSIONS.map((d) => d.id)).toEqual([
      'user_base',
      'operating_capability',
      'resources_process',
      'mindset',
    ]);
    for (const d of READINESS_DIMENSIONS) {
      expect(READINESS_QUESTIONS.filter((q) => q.dimension === d.id).length).toBeGreaterThanOrEqual(
        3,
      );
    }
    expect(READINESS_QUESTIONS.every((q) => q.text['zh-CN'] !== '' && q.text.en !== '')).toBe(true);
    expect(new Set(READINESS_QUESTIONS.map((q) => q.id)).size).toBe(READINESS_QUESTIONS.length);
  });

  it('when every answer is the top one, then every score is 100 and the team is ready', () => {
    const result = scoreReadiness(allAnswers(5, true));
    expect(result.dimensions.map((d) => d.score)).toEqual([100, 100, 100, 100]);
    expect(result.overall).toBe(100);
    expect(result.ready).toBe(true);
    expect(result.gaps).toEqual([]);
  });

  it('when scale answers are 3 of 5 and yes/no answers are no, then dimensions score by the mean of their answers', () => {
    const result = scoreReadiness(allAnswers(3, false));
    const byId = Object.fromEntries(result.dimensions.map((d) => [d.dimension, d.score]));
    expect(byId.user_base).toBeCloseTo(40, 10); // (60 + 60 + 0) / 3
    expect(byId.operating_capability).toBeCloseTo(60, 10);
    expect(byId.resources_process).toBeCloseTo(15, 10); // (0 + 0 + 0 + 60) / 4
    expect(byId.mindset).toBeCloseTo(60, 10);
    expect(result.overall).toBeCloseTo((40 + 60 + 15 + 60) / 4, 10);
    expect(result.gaps).toEqual(['resources_process', 'user_base']);
    expect(result.ready).toBe(false);
  });

  it('when a dimension has no answer, then its score and the overall score are null with a reason', () => {
    const answers = allAnswers(4, true);
    for (const q of READINESS_QUESTIONS) if (q.dimension === 'mindset') delete answers[q.id];
    const result = scoreReadiness(answers);
    expect(result.dimensions.find((d) => d.dimension === 'mindset')!.score).toBeNull();
    expect(result.overall).toBeNull();
    expect(result.reason).toBeDefined();
    expect(result.ready).toBe(false);
  });

  it('when answers are out of range or of the wrong kind, then they are clamped or ignored', () => {
    const result = scoreReadiness({ ub_core_users: 9, ub_needs: -1, ub_volume: 3 });
    const userBase = result.dimensions.find((d) => d.dimension === 'user_base')!;
    expect(userBase.answered).toBe(2);
    expect(userBase.score).toBe(50);
  });
});

describe('five pre-actions', () => {
  it('when two of the five pre-actions are checked, then 2 are done and 3 are missing', () => {
    expect(PRE_ACTIONS.map((a) => a.source)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5']);
    const progress = preActionsProgress({
      strategic_goals: true,
      user_insight: true,
      traffic_channels: false,
    });
    expect(progress).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
    expect(progress.missing).toEqual([
      'content_touchpoints',
      'traffic_channels',
      'organisation_process',
    ]);
  });
});

describe('organisationStage', () => {
  it('when the private domain is 6 months old or younger, then it is the 0→1 small group', () => {
    expect(organisationStage(0)?.stage).toBe('0_to_1');
    expect(organisationStage(6)?.stage).toBe('0_to_1');
  });

  it('when it is 7 to 12 months old, then it is 1→10, an independent department', () => {
    expect(organisationStage(7)).toMatchObject({
      stage: '1_to_10',
      number: 2,
      transitioning: false,
    });
    expect(organisationStage(12)?.transitioning).toBe(false);
  });

  it('when it is between 1 and 2 years old, then it is still 1→10, moving towards 10→100', () => {
    const stage = organisationStage(18)!;
    expect(stage).toMatchObject({ stage: '1_to_10', transitioning: true, next: '10_to_100' });
    expect(stage.description['zh-CN']).toContain('用户运营中心');
  });

  it('when it is 24 months or older, then it is the 10→100 user-operations centre', () => {
    expect(organisationStage(24)).toMatchObject({ stage: '10_to_100', number: 3, next: null });
    expect(organisationStage(24)!.description['zh-CN']).toContain('会员部门');
  });

  it('when the months are negative or not a number, then there is no stage', () => {
    expect(organisationStage(-1)).toBeNull();
    expect(organisationStage(Number.NaN)).toBeNull();
  });
});
