import { defineMessages } from '../../lib/i18n';

export const compareMessages = defineMessages({
  'zh-CN': {
    title: '公域 vs 私域',
    intro:
      '客户价值（指标 §1）在所选时间内的公域与私域对比，每个数字附分子与分母。文章基准只作参考标记，不是目标。',
    metric: '指标',
    privateLabel: '私域',
    publicLabel: '公域',
    ratio: '私域 ÷ 公域',
    benchmark: '文章基准',
    evidence: (numerator: string, denominator: string) => `${numerator} ÷ ${denominator}`,
    table: '公域与私域逐项对比',
    charts: '与文章基准对照',
    times: (x: string) => `${x} 倍`,
    noBenchmark: '—',
  },
  en: {
    title: 'Public vs private',
    intro:
      'Customer value (METRICS §1) for public and private over the chosen period, each figure with its numerator and denominator. The article’s benchmarks are reference marks, not targets.',
    metric: 'Metric',
    privateLabel: 'Private',
    publicLabel: 'Public',
    ratio: 'Private ÷ public',
    benchmark: 'Article benchmark',
    evidence: (numerator: string, denominator: string) => `${numerator} ÷ ${denominator}`,
    table: 'Public and private side by side',
    charts: 'Against the article’s benchmarks',
    times: (x: string) => `${x}×`,
    noBenchmark: '—',
  },
});
