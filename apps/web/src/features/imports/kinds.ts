/**
 * What the data page knows about import kinds without asking the API: the order a workspace loads
 * them in (a row may only name what an earlier kind created) and which kind a file's header row
 * looks like, so the picker starts on the right kind (the lead can still change it).
 */
import { IMPORT_KINDS, type ImportKindName } from '@yugang/contract';

/** Load order: channels, customers, orders first; accounts before what names an account. */
export const LOAD_ORDER: readonly ImportKindName[] = [
  'channels',
  'customers',
  'orders',
  'costs',
  'accounts',
  'conversations',
  'group_daily',
  'account_daily',
  'live_sessions',
  'experiments',
];

/** Headers (as imports read them: lower-case, no spaces, _ or -) that point to one kind. */
const SIGNATURES: Record<ImportKindName, readonly string[]> = {
  channels: [
    'code',
    'channelcode',
    '渠道编码',
    '渠道代码',
    '渠道名称',
    'channelname',
    'commissionrate',
    '佣金率',
    '佣金比例',
    '扣点',
  ],
  customers: [
    'acquiredat',
    '获客时间',
    '首次获取时间',
    'acquisitionchannel',
    '获客渠道',
    '入私域时间',
    'joinedprivateat',
    '离开私域时间',
    'leftprivateat',
  ],
  orders: [
    'orderid',
    '订单号',
    '订单编号',
    '订单id',
    '主订单号',
    'orderedat',
    '下单时间',
    '实付金额',
    '订单金额',
    '支付金额',
    'refundamount',
    '退款金额',
    '是否退货',
  ],
  costs: ['month', '月份', '年月', 'category', '类别', '成本', '费用', '备注'],
  conversations: [
    'conversationid',
    '会话id',
    '会话编号',
    '咨询id',
    '首次咨询时间',
    'firstresponseat',
    '首次回复时间',
  ],
  group_daily: [
    'groupid',
    '群id',
    '群编号',
    '社群id',
    '群名称',
    '群成员数',
    '活跃成员数',
    'activemembers',
    '入群数',
    '退群数',
  ],
  accounts: ['账号类型', 'registeredat', '注册日期', '开通日期', '备用于', 'backupof'],
  account_daily: [
    'activeadds',
    '主动加好友数',
    'passiveadds',
    '被动加好友数',
    'masssends',
    '群发次数',
    'complaints',
    '投诉数',
  ],
  live_sessions: [
    'sessionid',
    '场次id',
    '直播id',
    '直播场次',
    'startedat',
    '开播时间',
    'viewers',
    '观看人数',
    'privateadds',
    '私域添加数',
  ],
  experiments: [
    'experimentid',
    '实验id',
    '实验编号',
    'arm',
    '分组',
    '组别',
    'assignedat',
    '分组时间',
  ],
};

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.]+/gu, '');
}

/**
 * The kind whose signature headers the file has most of (its name, e.g. `orders-2025-03.csv`,
 * counts too); null when nothing matches or two kinds tie.
 */
export function detectKind(header: readonly string[], fileName = ''): ImportKindName | null {
  const cells = new Set(header.map(normaliseHeader));
  const name = fileName.toLowerCase();
  let best: ImportKindName | null = null;
  let bestScore = 0;
  let tie = false;
  for (const kind of IMPORT_KINDS) {
    let score = SIGNATURES[kind].filter((h) => cells.has(h)).length;
    if (new RegExp(`(^|[^a-z])${kind}`).test(name)) score += 2;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) {
      tie = true;
    }
  }
  return tie ? null : best;
}
