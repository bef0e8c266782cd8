import { PRE_ACTIONS, READINESS_QUESTIONS } from '@yugang/metrics';
import { z } from 'zod';
import { defineRoute } from './route.js';
import { idParam } from './common.js';
import { evidenceSchema } from './evidence.js';

export const assessmentIdParams = idParam('assessmentId');

const byId = new Map(READINESS_QUESTIONS.map((q) => [q.id, q]));
const preActionIds = new Set<string>(PRE_ACTIONS.map((a) => a.id));

/**
 * Answers keyed by question id (or one of the five pre-action ids, true when done): 0–5 for 'scale' questions, true/false for 'yes_no'; unknown ids
 * and answers of the wrong kind are refused (scoreReadiness would silently ignore them).
 */
export const answersSchema = z
  .record(z.string(), z.union([z.number(), z.boolean()]))
  .superRefine((answers, ctx) => {
    for (const [id, answer] of Object.entries(answers)) {
      const question = byId.get(id);
      if (preActionIds.has(id)) {
        if (typeof answer !== 'boolean') {
          ctx.addIssue({
            code: 'custom',
            path: [id],
            message: 'a pre-action is done: true or false',
          });
        }
      } else if (!question) {
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
    overall: z.number().nullable().meta({ 'x-metric': 'readiness_score' }),
    answered: z.number(),
    questions: z.number(),
    gaps: z.array(z.string()),
    ready: z.boolean(),
    reason: z.string().optional(),
  }),
  preActions: evidenceSchema
    .extend({ done: z.array(z.string()), missing: z.array(z.string()) })
    .describe('the five pre-actions (seed 002 §4) checked in this assessment')
    .meta({ 'x-metric': 'pre_actions_done' }),
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
      .nullable()
      .meta({ 'x-metric': 'organisation_stage' }),
  }),
  latest: assessment.nullable(),
  history: z.array(assessment),
});

export const readinessContract = {
  get: defineRoute({
    method: 'get',
    path: '/workspaces/:ws/readiness',
    access: 'viewer',
    summary: 'Readiness questions, the latest assessment with scores, history, organisation stage',
    response: readinessResponse,
  }),
  create: defineRoute({
    method: 'post',
    path: '/workspaces/:ws/readiness',
    access: 'lead',
    summary: 'Record a readiness self-assessment (lead or owner)',
    description:
      'answers: { <question id>: 0–5 for scale questions, true/false for yes/no }; unknown ids or wrong kinds answer 400.',
    body: createAssessmentBody,
    response: assessmentResponse,
    status: 201,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/workspaces/:ws/readiness/:assessmentId',
    access: 'lead',
    summary: 'Delete a readiness assessment (lead or owner)',
    params: assessmentIdParams,
  }),
};
