import { defineMessages } from '../../lib/i18n';

export const attributionMessages = defineMessages({
  'zh-CN': {
    title: '团队业绩',
    intro: '按业绩归属规则，每月（或每周）记给公域团队和私域团队的 GMV，以及私域团队的服务 KPI。',
    grain: '粒度',
    month: '按月',
    week: '按周',
    credited: '业绩归属 GMV：私域 vs 公域',
    rule: (share: string) =>
      `归属规则：首单在公域 → 公域；首单在私域渠道 → 私域分得 ${share}；之后的订单 → 下单时是私域成员则归私域，否则归公域。`,
    total: (priv: string, pub: string, share: string) =>
      `合计：私域 ${priv}，公域 ${pub}（私域占 ${share}）`,
    period: '周期',
    privateLabel: '私域',
    publicLabel: '公域',
    totalLabel: '合计',
    splitTitle: '业绩拆分：首单 vs 复购，私域 vs 公域',
    splitTakeaway: (repeat: string) => `所选时间内私域团队的复购业绩 ${repeat}。`,
    byChannel: '按渠道（所选时间合计）',
    channel: '渠道',
    goal: '目标',
    goalPerMonth: '目标（月均）',
    goalPerWeek: '目标（周均）',
  },
  en: {
    title: 'Team performance',
    intro:
      'GMV credited to the public and private teams per month (or week) by the credit rule, and the private team’s service KPIs.',
    grain: 'Grain',
    month: 'Monthly',
    week: 'Weekly',
    credited: 'Credited GMV: private vs public',
    rule: (share: string) =>
      `Credit rule: a first order in a public channel → public; in a private channel → private gets ${share}; later orders → private if the customer was a member at order time, else public.`,
    total: (priv: string, pub: string, share: string) =>
      `Total: private ${priv}, public ${pub} (private ${share})`,
    period: 'Period',
    privateLabel: 'Private',
    publicLabel: 'Public',
    totalLabel: 'Total',
    splitTitle: 'Credit split: first order vs repurchase, private vs public',
    splitTakeaway: (repeat: string) =>
      `Repurchases credited to the private team in the period: ${repeat}.`,
    byChannel: 'By channel (whole period)',
    channel: 'Channel',
    goal: 'Goal',
    goalPerMonth: 'Goal (monthly pace)',
    goalPerWeek: 'Goal (weekly pace)',
  },
});
