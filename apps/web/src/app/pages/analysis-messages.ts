/** Strings the analysis pages share: menu labels and the window picker. */
import { defineMessages } from '../../lib/i18n';

export const analysisMessages = defineMessages({
  'zh-CN': {
    compare: '公域 vs 私域',
    cohorts: '同期群留存',
    roi: '投入产出与预算',
    tiers: '客户价值分层',
    risk: '账号风险',
    window: '时间范围',
    lastWeek: '上周',
    thisMonth: '本月',
    lastMonth: '上月',
    last12Months: '近 12 个月',
    custom: '自定义',
    from: '开始日期',
    to: '结束日期（不含）',
    windowText: (from: string, to: string) => `${from} 至 ${to}（不含）`,
    asOf: (day: string) => `数据截至 ${day}`,
  },
  en: {
    compare: 'Public vs private',
    cohorts: 'Cohort retention',
    roi: 'ROI and budget',
    tiers: 'Value tiers',
    risk: 'Account risk',
    window: 'Period',
    lastWeek: 'Last week',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    last12Months: 'Last 12 months',
    custom: 'Custom',
    from: 'From',
    to: 'To (exclusive)',
    windowText: (from: string, to: string) => `${from} to ${to} (exclusive)`,
    asOf: (day: string) => `Data up to ${day}`,
  },
});
