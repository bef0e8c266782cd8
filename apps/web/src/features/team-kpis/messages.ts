import { defineMessages } from '../../lib/i18n';

export const teamKpisMessages = defineMessages({
  'zh-CN': {
    title: '团队 KPI',
    guideRate: '直播间引导率',
    guideDetail: (sessions: string, target: string) => `${sessions} 场直播，目标 ≥ ${target}`,
    meets: '达标',
    misses: '未达标',
    response48h: '48 小时响应率',
    responseDetail: (started: string, pending: string) =>
      `${started} 个新会话，${pending} 个未满 48 小时`,
    medianReply: '首次回复中位时长',
    replyDetail: (n: string) => `${n} 次首次回复`,
    hours: (h: string) => `${h} 小时`,
    firstOrder: '新成员首单转化（30 天）',
    repurchase: '首单客户复购转化（90 天）',
    conversionDetail: (n: string, d: string) => `${n} / ${d} 位已满观察期`,
  },
  en: {
    title: 'Team KPIs',
    guideRate: 'Live-room guide rate',
    guideDetail: (sessions: string, target: string) =>
      `${sessions} live sessions, target ≥ ${target}`,
    meets: 'on target',
    misses: 'below target',
    response48h: '48 h response rate',
    responseDetail: (started: string, pending: string) =>
      `${started} new conversations, ${pending} younger than 48 h`,
    medianReply: 'Median first reply',
    replyDetail: (n: string) => `${n} first replies`,
    hours: (h: string) => `${h} h`,
    firstOrder: 'New members’ first order (30 days)',
    repurchase: 'First-time buyers’ repurchase (90 days)',
    conversionDetail: (n: string, d: string) => `${n} of ${d} past the observation period`,
  },
});
