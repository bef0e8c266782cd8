import { annotationsContract } from './annotations.js';
import { apiKeysContract } from './api-keys.js';
import { attributionContract } from './attribution.js';
import { auditContract } from './audit.js';
import { authContract } from './auth.js';
import { channelsContract } from './channels.js';
import { cohortsContract } from './cohorts.js';
import { communityContract } from './community.js';
import { goalsContract } from './goals.js';
import { importPresetsContract, importsContract } from './imports.js';
import { importTemplatesContract } from './import-templates.js';
import { incrementalityContract, experimentsContract } from './incrementality.js';
import { ingestContract } from './ingest.js';
import { ltvContract } from './ltv.js';
import { ltvPredictedContract } from './ltv-predicted.js';
import { membersContract } from './members.js';
import { membershipContract } from './membership.js';
import { readinessContract } from './readiness.js';
import { reviewContract } from './review.js';
import { riskContract } from './risk.js';
import { roiContract } from './roi.js';
import { settingsContract } from './settings.js';
import { summaryContract } from './summary.js';
import { teamKpisContract } from './team-kpis.js';
import { tiersContract } from './tiers.js';
import { trendsContract } from './trends.js';

export * from './route.js';
export * from './common.js';
export * from './evidence.js';
export * from './window.js';
export * from './periods.js';
export * from './page-presets.js';
export * from './annotations.js';
export * from './api-keys.js';
export * from './attribution.js';
export * from './audit.js';
export * from './auth.js';
export * from './channels.js';
export * from './cohorts.js';
export * from './community.js';
export * from './goals.js';
export * from './imports.js';
export * from './import-templates.js';
export * from './ingest.js';
export * from './ltv.js';
export * from './ltv-predicted.js';
export * from './members.js';
export * from './readiness.js';
export * from './risk.js';
export * from './roi.js';
export * from './settings.js';
export * from './summary.js';
export * from './team-kpis.js';
export * from './tiers.js';
export * from './trends.js';

/**
 * The route table: every route of the API by feature, e.g. `contract.summary.get`. A feature's
 * contract file adds itself here; the API test checks that every entry is mounted and nothing else.
 */
export const contract = {
  annotations: annotationsContract,
  apiKeys: apiKeysContract,
  attribution: attributionContract,
  audit: auditContract,
  auth: authContract,
  channels: channelsContract,
  cohorts: cohortsContract,
  community: communityContract,
  goals: goalsContract,
  imports: importsContract,
  importPresets: importPresetsContract,
  importTemplates: importTemplatesContract,
  ingest: ingestContract,
  incrementality: incrementalityContract,
  experiments: experimentsContract,
  ltv: ltvContract,
  ltvPredicted: ltvPredictedContract,
  members: membersContract,
  membership: membershipContract,
  readiness: readinessContract,
  review: reviewContract,
  risk: riskContract,
  roi: roiContract,
  settings: settingsContract,
  summary: summaryContract,
  teamKpis: teamKpisContract,
  tiers: tiersContract,
  trends: trendsContract,
};
export * from './review.js';
export * from './membership.js';
export * from './incrementality.js';
