import { READINESS_QUESTIONS } from '@yugang/metrics';
import { z } from 'zod';
import { idParam } from '../../http/schemas.js';

export const assessmentIdParams = idParam('assessmentId');

const byId = new Map(READINESS_QUESTIONS.map((q) => [q.id, q]));

/**
 * Answers keyed by question id: 0–5 for 'scale' questions, true/false for 'yes_no'; unknown ids
 * and answers of the wrong kind are refused (scoreReadiness would silently ignore them).
 */
export const answersSchema = z
  .record(z.string(), z.union([z.number(), z.boolean()]))
  .superRefine((answers, ctx) => {
    for (const [id, answer] of Object.entries(answers)) {
      const question = byId.get(id);
      if (!question) {
        ctx.addIssue({ code: 'custom', path: [id], message: 'not a readiness question id' });
      } else if (question.kind === 'yes_no' && typeof answer !== 'boolean') {
        ctx.addIssue({ code: 'custom', path: [id], message: 'answer true or false' });
      } else if (
        question.kind === 'scale' &&
        (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > 5)
      ) {
        ctx.addIssue({ code: 'custom', path: [id], message: 'answer a whole number from 0 to 5' });
      }
    }
    if (Object.keys(answers).length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'answer at least one question' });
    }
  });

export const createAssessmentBody = z.object({ answers: answersSchema });

const assessment = z.object({
  id: z.number(),
  createdAt: z.string(),
  answers: z.record(z.string(), z.union([z.number(), z.boolean()])),
  result: z.object({
    dimensions: z.array(
      z.object({
        dimension: z.string(),
        label: z.record(z.string(), z.string()),
        score: z.number().nullable(),
        answered: z.number(),
        questions: z.number(),
      }),
    ),
    overall: z.number().nullable(),
    answered: z.number(),
    questions: z.number(),
    gaps: z.array(z.string()),
    ready: z.boolean(),
    reason: z.string().optional(),
  }),
});
export const assessmentResponse = assessment;

export const readinessResponse = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      dimension: z.string(),
      kind: z.enum(['scale', 'yes_no']),
      text: z.record(z.string(), z.string()),
    }),
  ),
  organisation: z.object({
    privateLaunchedOn: z.string().nullable(),
    monthsSinceLaunch: z.number().nullable(),
    stage: z
      .object({
        stage: z.enum(['0_to_1', '1_to_10', '10_to_100']),
        number: z.number(),
        transitioning: z.boolean(),
        next: z.string().nullable(),
        label: z.record(z.string(), z.string()),
        description: z.record(z.string(), z.string()),
      })
      .nullable(),
  }),
  latest: assessment.nullable(),
  history: z.array(assessment),
});
