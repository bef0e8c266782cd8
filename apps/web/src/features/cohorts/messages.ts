import { defineMessages } from '../../lib/i18n';

export const cohortsMessages = defineMessages({
  'zh-CN': {
    title: '同期群留存',
    intro:
      '每行一个同期群（按月），每列是之后第 k 个月仍有下单的客户占比。点击格子查看该同期群的人数和留存曲线。',
    basis: '同期群口径',
    firstOrder: '首单月',
    privateJoin: '加入私域月',
    group: '客户分组',
    all: '全部',
    privateLabel: '私域',
    publicLabel: '公域',
    heatmap: (basis: string, group: string) => `留存热力图（${basis}，${group}）`,
    cohort: '同期群',
    size: '人数',
    month: (k: number) => `第 ${k} 月`,
    cell: (share: string, count: string) => `${share}（${count} 人）`,
    pickCohort: '查看同期群',
    detail: (cohort: string) => `${cohort} 同期群`,
    detailSize: (all: string, priv: string, pub: string) =>
      `共 ${all} 人：私域 ${priv} 人，公域 ${pub} 人`,
    curve: (cohort: string) => `${cohort} 同期群留存曲线（私域 vs 公域）`,
    none: '没有同期群数据',
    hint: '提示：也可以用“数据表”查看每格的人数和比例。',
  },
  en: {
    title: 'Cohort retention',
    intro:
      'One row per monthly cohort; column k is the share of the cohort with an order k months later. Click a cell for that cohort’s size and curve.',
    basis: 'Cohort basis',
    firstOrder: 'First order',
    privateJoin: 'Private join',
    group: 'Customer group',
    all: 'All',
    privateLabel: 'Private',
    publicLabel: 'Public',
    heatmap: (basis: string, group: string) => `Retention heat map (${basis}, ${group})`,
    cohort: 'Cohort',
    size: 'Size',
    month: (k: number) => `Month ${k}`,
    cell: (share: string, count: string) => `${share} (${count})`,
    pickCohort: 'Show cohort',
    detail: (cohort: string) => `Cohort ${cohort}`,
    detailSize: (all: string, priv: string, pub: string) =>
      `${all} customers: ${priv} private, ${pub} public`,
    curve: (cohort: string) => `Retention curve of cohort ${cohort} (private vs public)`,
    none: 'No cohorts yet',
    hint: 'Tip: “data as table” shows every cell’s count and share.',
  },
});
