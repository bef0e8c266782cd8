import { defineMessages } from '../../lib/i18n';

export const ltvAnalysisMessages = defineMessages({
  'zh-CN': {
    title: '生命周期价值',
    intro:
      '历史 LTV：每个同期群的人均累计 GMV 或毛利；预测 LTV：BG/NBD × Gamma-Gamma 模型给出的未来 12 个月 CLV 与存活概率。',
    basis: '同期群口径',
    firstOrder: '首单月',
    privateJoin: '加入私域月',
    measure: '口径',
    gmv: 'GMV',
    grossProfit: '毛利',
    group: '客户分组',
    all: '全部',
    privateLabel: '私域',
    publicLabel: '公域',
    curves: (group: string, measure: string) => `各同期群人均累计${measure}（${group}）`,
    weighted: (measure: string) => `人均累计${measure}：私域 vs 公域（按同期群人数加权）`,
    month: (k: number) => `第 ${k} 月`,
    predicted: '预测 LTV（未来 12 个月）',
    distribution: '预测 CLV 分布',
    customersSeries: '人数',
    fit: (asOf: string, n: string, repeat: string) =>
      `模型截至 ${asOf} 拟合，${n} 位客户，其中 ${repeat} 位复购。`,
    noModel: (reason: string) => `无法拟合模型：${reason}`,
    totals: (total: string, mean: string) => `预测未来 12 个月 CLV 合计 ${total}，人均 ${mean}。`,
    pAlive: '存活概率（P(alive)）',
    pAliveGroup: (group: string) => `${group}客户平均存活概率`,
    params: '模型参数',
    reading: '怎么读',
    readPurchases: (x: string) => `活跃客户平均每年购买约 ${x} 次（r/α × 365）。`,
    readDropout: (x: string) => `每次购买后，客户流失的概率约为 ${x}（a/(a+b)）。`,
    readSpend: (x: string) => `平均每单金额约 ${x}（Gamma-Gamma：p·v/(q−1)）。`,
    readMargin: (x: string) => `CLV 按毛利率 ${x} 折算，月折现率 1%。`,
  },
  en: {
    title: 'Lifetime value',
    intro:
      'Historical LTV: cumulative GMV or gross profit per cohort customer; predicted LTV: the next 12 months’ CLV and the chance a customer is still active, from a BG/NBD × Gamma-Gamma model.',
    basis: 'Cohort basis',
    firstOrder: 'First order',
    privateJoin: 'Private join',
    measure: 'Measure',
    gmv: 'GMV',
    grossProfit: 'Gross profit',
    group: 'Customer group',
    all: 'All',
    privateLabel: 'Private',
    publicLabel: 'Public',
    curves: (group: string, measure: string) =>
      `Cumulative ${measure} per customer by cohort (${group})`,
    weighted: (measure: string) =>
      `Cumulative ${measure} per customer: private vs public (weighted by cohort size)`,
    month: (k: number) => `Month ${k}`,
    predicted: 'Predicted LTV (next 12 months)',
    distribution: 'Predicted CLV distribution',
    customersSeries: 'Customers',
    fit: (asOf: string, n: string, repeat: string) =>
      `Model fitted as of ${asOf} on ${n} customers, ${repeat} of them repeat buyers.`,
    noModel: (reason: string) => `No model could be fitted: ${reason}`,
    totals: (total: string, mean: string) =>
      `Predicted 12-month CLV: ${total} in total, ${mean} per customer.`,
    pAlive: 'Chance still active (P(alive))',
    pAliveGroup: (group: string) => `${group} customers, mean P(alive)`,
    params: 'Model parameters',
    reading: 'What it means',
    readPurchases: (x: string) => `An active customer buys about ${x} times a year (r/α × 365).`,
    readDropout: (x: string) =>
      `After each purchase, a customer drops out with a chance of about ${x} (a/(a+b)).`,
    readSpend: (x: string) => `An order is worth about ${x} on average (Gamma-Gamma: p·v/(q−1)).`,
    readMargin: (x: string) => `CLV counts margin at ${x}, discounted 1% a month.`,
  },
});
