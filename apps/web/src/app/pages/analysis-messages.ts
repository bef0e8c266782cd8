/** Strings the analysis pages share: menu labels and the window read-outs. */
import { defineMessages } from '../../lib/i18n';

export const analysisMessages = defineMessages({
  'zh-CN': {
    compare: '公域 vs 私域',
    cohorts: '同期群留存',
    roi: '投入产出与预算',
    tiers: '客户价值分层',
    risk: '账号风险',
    attribution: '团队业绩',
    readiness: '准备度自评',
    windowText: (from: string, to: string) => `${from} 至 ${to}（不含）`,
  },
  en: {
    compare: 'Public vs private',
    cohorts: 'Cohort retention',
    roi: 'ROI and budget',
    tiers: 'Value tiers',
    risk: 'Account risk',
    attribution: 'Team performance',
    readiness: 'Readiness',
    windowText: (from: string, to: string) => `${from} to ${to} (exclusive)`,
  },
});
