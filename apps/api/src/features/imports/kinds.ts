import {
  parseBoolean,
  parseCategory,
  parseCount,
  parseDate,
  parseDomain,
  parseId,
  parseInstant,
  parseMoney,
  parseMonth,
  parseRate,
  parseStatus,
  parseText,
} from './values.js';

/**
 * One spec per import kind: the columns a file may have (English names of DESIGN.md and the
 * Chinese names brands use), how each cell is read, the checks across rows, and how the staged
 * rows merge into the base table. docs/imports.md is written from these tables.
 */
export const IMPORT_KINDS = [
  'channels',
  'customers',
  'orders',
  'costs',
  'conversations',
  'group_daily',
  'accounts',
  'account_daily',
  'live_sessions',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

export type FieldType =
  | 'id'
  | 'text'
  | 'instant'
  | 'date'
  | 'month'
  | 'money'
  | 'money_nonneg'
  | 'count'
  | 'rate'
  | 'bool'
  | 'status'
  | 'domain'
  | 'category';

export interface FieldSpec {
  name: string;
  /** Other header names, Chinese first. Compared after normaliseHeader. */
  aliases: readonly string[];
  type: FieldType;
  required: boolean;
  /** Shown in docs/imports.md. */
  note?: string;
}

/** A value another table must already hold (or, with `orInFile`, another row of this file). */
export interface Reference {
  field: string;
  table: string;
  column: string;
  what: string;
  orInFile?: string;
}

/** A rule on one staged row, in SQL over `s` (the stage) and `w` (the workspace). */
export interface SqlRowCheck {
  field: string;
  /** True when the row breaks the rule. */
  breaks: string;
  reason: string;
}

export interface TargetColumn {
  column: string;
  expr: string;
  /** The file field this column comes from: only updated on re-import when the file has it. */
  field: string;
}

export interface KindSpec {
  kind: ImportKind;
  table: string;
  fields: readonly FieldSpec[];
  /** Fields that identify a row; duplicates inside one file are rejected. */
  key: readonly string[];
  references: readonly Reference[];
  /** Cross-field rules on one row, in TS: return a problem or null. */
  rowCheck?: (get: (field: string) => unknown) => { field: string; reason: string } | null;
  sqlChecks: readonly SqlRowCheck[];
  merge: {
    /** Statements run before the upsert (e.g. create the groups a group_daily file names). */
    before?: readonly string[];
    from: string;
    conflict: readonly string[];
    columns: readonly TargetColumn[];
  };
}

const f = (
  name: string,
  type: FieldType,
  required: boolean,
  aliases: readonly string[],
  note?: string,
): FieldSpec =>
  note ? { name, type, required, aliases, note } : { name, type, required, aliases };

/** `coalesce(s.x_abs, s.x_local at time zone w.time_zone)`: the instant of a staged time. */
export const instant = (field: string) =>
  `coalesce(s.${field}_abs, s.${field}_local at time zone w.time_zone)`;

const FROM_STAGE = 'stage s cross join workspaces w';

const channels: KindSpec = {
  kind: 'channels',
  table: 'channels',
  fields: [
    f('code', 'id', true, ['渠道编码', '渠道代码', '编码', '代码', 'channel', 'channel_code']),
    f('name', 'text', true, ['渠道名称', '名称', 'channel_name']),
    f('domain', 'domain', true, ['域', '公私域', '渠道域', '归属'], 'public/公域 or private/私域'),
    f('kind', 'text', false, ['类型', '渠道类型', 'type'], 'free text, default other'),
    f('commission_rate', 'rate', false, ['佣金率', '佣金比例', '扣点'], '0.05 or 5%'),
  ],
  key: ['code'],
  references: [],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'code'],
    columns: [
      { column: 'code', expr: 's.code', field: 'code' },
      { column: 'name', expr: 's.name', field: 'name' },
      { column: 'domain', expr: 's.domain', field: 'domain' },
      { column: 'kind', expr: "coalesce(s.kind, 'other')", field: 'kind' },
      { column: 'commission_rate', expr: 's.commission_rate', field: 'commission_rate' },
    ],
  },
};

const customers: KindSpec = {
  kind: 'customers',
  table: 'customers',
  fields: [
    f('customer_id', 'id', true, ['客户ID', '客户编号', '会员ID', '用户ID']),
    f('acquired_at', 'instant', false, ['获客时间', '首次获取时间', '注册时间', '首次下单时间']),
    f('acquisition_channel', 'id', false, ['获客渠道', '来源渠道', '渠道']),
    f('joined_private_at', 'instant', false, [
      '入私域时间',
      '加入私域时间',
      '加微时间',
      '入群时间',
    ]),
    f('left_private_at', 'instant', false, [
      '离开私域时间',
      '退出私域时间',
      '删除时间',
      '单删时间',
    ]),
  ],
  key: ['customer_id'],
  references: [
    { field: 'acquisition_channel', table: 'channels', column: 'code', what: 'channel' },
  ],
  sqlChecks: [
    {
      field: 'left_private_at',
      breaks: `${instant('left_private_at')} < ${instant('joined_private_at')}`,
      reason: 'left the private domain before joining it',
    },
  ],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.customer_id', field: 'customer_id' },
      { column: 'acquired_at', expr: instant('acquired_at'), field: 'acquired_at' },
      {
        column: 'acquisition_channel',
        expr: 's.acquisition_channel',
        field: 'acquisition_channel',
      },
      {
        column: 'joined_private_at',
        expr: instant('joined_private_at'),
        field: 'joined_private_at',
      },
      { column: 'left_private_at', expr: instant('left_private_at'), field: 'left_private_at' },
    ],
  },
};

const orders: KindSpec = {
  kind: 'orders',
  table: 'orders',
  fields: [
    f('order_id', 'id', true, ['订单号', '订单编号', '订单ID', '主订单号']),
    f('customer_id', 'id', true, ['客户ID', '客户编号', '会员ID', '买家ID', '用户ID']),
    f('channel', 'id', true, ['渠道', '渠道编码', '下单渠道', '来源渠道']),
    f('ordered_at', 'instant', true, ['下单时间', '订单时间', '创建时间', '付款时间']),
    f('amount', 'money_nonneg', true, ['实付金额', '订单金额', '支付金额', '金额', '实付']),
    f('gross_profit', 'money', false, ['毛利', '毛利额', '毛利润']),
    f('commission', 'money_nonneg', false, ['佣金', '平台佣金', '扣点金额']),
    f(
      'status',
      'status',
      false,
      ['订单状态', '状态'],
      '已完成/completed (default), 已取消/cancelled, …',
    ),
    f('returned', 'bool', false, ['是否退货', '退货', '已退货'], '是/否, true/false, 1/0, Y/N'),
    f('refund_amount', 'money_nonneg', false, ['退款金额', '退款', '退款额']),
  ],
  key: ['order_id'],
  references: [
    { field: 'customer_id', table: 'customers', column: 'external_id', what: 'customer' },
    { field: 'channel', table: 'channels', column: 'code', what: 'channel' },
  ],
  rowCheck: (get) => {
    const refund = get('refund_amount');
    const amount = get('amount');
    if (typeof refund === 'number' && typeof amount === 'number' && refund > amount) {
      return { field: 'refund_amount', reason: 'refund is larger than the amount paid' };
    }
    return null;
  },
  sqlChecks: [],
  merge: {
    from: `${FROM_STAGE}
      join customers c on c.workspace_id = w.id and c.external_id = s.customer_id
      join channels ch on ch.workspace_id = w.id and ch.code = s.channel`,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.order_id', field: 'order_id' },
      { column: 'customer_id', expr: 'c.id', field: 'customer_id' },
      { column: 'channel', expr: 's.channel', field: 'channel' },
      { column: 'domain', expr: 'ch.domain', field: 'channel' },
      { column: 'ordered_at', expr: instant('ordered_at'), field: 'ordered_at' },
      {
        column: 'local_date',
        expr: `(${instant('ordered_at')} at time zone w.time_zone)::date`,
        field: 'ordered_at',
      },
      { column: 'amount_fen', expr: 's.amount_fen', field: 'amount' },
      { column: 'gross_profit_fen', expr: 's.gross_profit_fen', field: 'gross_profit' },
      { column: 'commission_fen', expr: 's.commission_fen', field: 'commission' },
      { column: 'status', expr: "coalesce(s.status, 'completed')", field: 'status' },
      { column: 'returned', expr: 'coalesce(s.returned, false)', field: 'returned' },
      { column: 'refund_fen', expr: 'coalesce(s.refund_amount_fen, 0)', field: 'refund_amount' },
    ],
  },
};

const costs: KindSpec = {
  kind: 'costs',
  table: 'costs',
  fields: [
    f('month', 'month', true, ['月份', '月', '年月'], 'YYYY-MM (or any date in the month)'),
    f('domain', 'domain', true, ['域', '公私域', '归属']),
    f(
      'category',
      'category',
      true,
      ['类别', '成本类别', '类型'],
      'labor/人力, tools/工具, traffic/流量, trial/试错, fixed/固定',
    ),
    f('amount', 'money_nonneg', true, ['金额', '成本', '费用', '金额(元)']),
    f('note', 'text', false, ['备注', '说明']),
  ],
  key: ['month', 'domain', 'category', 'note'],
  references: [],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'month', 'domain', 'category', 'note'],
    columns: [
      { column: 'month', expr: 's.month', field: 'month' },
      { column: 'domain', expr: 's.domain', field: 'domain' },
      { column: 'category', expr: 's.category', field: 'category' },
      { column: 'note', expr: "coalesce(s.note, '')", field: 'note' },
      { column: 'amount_fen', expr: 's.amount_fen', field: 'amount' },
    ],
  },
};

const conversations: KindSpec = {
  kind: 'conversations',
  table: 'conversations',
  fields: [
    f('conversation_id', 'id', true, ['会话ID', '会话编号', '咨询ID']),
    f('customer_id', 'id', false, ['客户ID', '客户编号', '会员ID']),
    f('account_id', 'id', false, ['账号ID', '员工账号', '客服账号']),
    f('first_inbound_at', 'instant', true, [
      '首次咨询时间',
      '首次进线时间',
      '首条消息时间',
      '咨询时间',
    ]),
    f('first_response_at', 'instant', false, ['首次回复时间', '回复时间']),
  ],
  key: ['conversation_id'],
  references: [
    { field: 'customer_id', table: 'customers', column: 'external_id', what: 'customer' },
    { field: 'account_id', table: 'accounts', column: 'external_id', what: 'account' },
  ],
  sqlChecks: [
    {
      field: 'first_response_at',
      breaks: `${instant('first_response_at')} < ${instant('first_inbound_at')}`,
      reason: 'first reply is before the first inbound message',
    },
  ],
  merge: {
    from: `${FROM_STAGE}
      left join customers c on c.workspace_id = w.id and c.external_id = s.customer_id`,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.conversation_id', field: 'conversation_id' },
      { column: 'customer_id', expr: 'c.id', field: 'customer_id' },
      { column: 'account_id', expr: 's.account_id', field: 'account_id' },
      { column: 'first_inbound_at', expr: instant('first_inbound_at'), field: 'first_inbound_at' },
      {
        column: 'first_response_at',
        expr: instant('first_response_at'),
        field: 'first_response_at',
      },
    ],
  },
};

const groupDaily: KindSpec = {
  kind: 'group_daily',
  table: 'group_daily',
  fields: [
    f('group_id', 'id', true, ['群ID', '群编号', '社群ID']),
    f('group_name', 'text', false, ['群名称', '群名', '社群名称']),
    f('date', 'date', true, ['日期', '统计日期']),
    f('members', 'count', true, ['群成员数', '成员数', '群人数']),
    f('active_members', 'count', true, ['活跃成员数', '活跃人数', '发言人数']),
    f('messages', 'count', false, ['消息数', '发言数', '消息条数']),
    f('joins', 'count', false, ['入群数', '入群人数', '新增成员']),
    f('leaves', 'count', false, ['退群数', '退群人数']),
    f('internal_members', 'count', false, ['内部成员数', '员工数', '内部人数']),
    f('internal_messages', 'count', false, ['内部消息数', '员工消息数']),
  ],
  key: ['group_id', 'date'],
  references: [],
  rowCheck: (get) => {
    const members = get('members') as number;
    if ((get('active_members') as number) > members) {
      return { field: 'active_members', reason: 'more active members than members' };
    }
    const internal = get('internal_members');
    if (typeof internal === 'number' && internal > members) {
      return { field: 'internal_members', reason: 'more internal members than members' };
    }
    return null;
  },
  sqlChecks: [],
  merge: {
    before: [
      // A group_daily file names its groups: create them, keep their names current.
      `insert into groups (workspace_id, external_id, name, created_on)
       select w.id, g.group_id, coalesce(g.group_name, ''), g.first_date
       from (select s.group_id,
                    (array_agg(s.group_name order by s.date desc, s.line desc)
                       filter (where s.group_name <> ''))[1] as group_name,
                    min(s.date) as first_date
             from stage s group by s.group_id) g
       cross join workspaces w where w.id = $ws
       on conflict (workspace_id, external_id) do update
       set name = case when excluded.name <> '' then excluded.name else groups.name end,
           created_on = least(groups.created_on, excluded.created_on)
       where (groups.name, groups.created_on) is distinct from
             (case when excluded.name <> '' then excluded.name else groups.name end,
              least(groups.created_on, excluded.created_on))`,
    ],
    from: FROM_STAGE,
    conflict: ['workspace_id', 'group_id', 'date'],
    columns: [
      { column: 'group_id', expr: 's.group_id', field: 'group_id' },
      { column: 'date', expr: 's.date', field: 'date' },
      { column: 'members', expr: 's.members', field: 'members' },
      { column: 'active_members', expr: 's.active_members', field: 'active_members' },
      { column: 'messages', expr: 'coalesce(s.messages, 0)', field: 'messages' },
      { column: 'joins', expr: 'coalesce(s.joins, 0)', field: 'joins' },
      { column: 'leaves', expr: 'coalesce(s.leaves, 0)', field: 'leaves' },
      {
        column: 'internal_members',
        expr: 'coalesce(s.internal_members, 0)',
        field: 'internal_members',
      },
      { column: 'internal_messages', expr: 's.internal_messages', field: 'internal_messages' },
    ],
  },
};

const accounts: KindSpec = {
  kind: 'accounts',
  table: 'accounts',
  fields: [
    f('account_id', 'id', true, ['账号ID', '账号', '员工账号']),
    f('kind', 'text', false, ['账号类型', '类型', 'type'], 'free text, default wecom'),
    f('registered_at', 'date', false, ['注册日期', '注册时间', '开通日期']),
    f(
      'backup_of',
      'id',
      false,
      ['备用于', '主账号', '备份账号', '主账号ID'],
      'the main account this one backs up',
    ),
  ],
  key: ['account_id'],
  references: [
    {
      field: 'backup_of',
      table: 'accounts',
      column: 'external_id',
      what: 'account',
      orInFile: 'account_id',
    },
  ],
  rowCheck: (get) =>
    get('backup_of') !== null && get('backup_of') === get('account_id')
      ? { field: 'backup_of', reason: 'an account cannot back itself up' }
      : null,
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.account_id', field: 'account_id' },
      { column: 'kind', expr: "coalesce(s.kind, 'wecom')", field: 'kind' },
      { column: 'registered_at', expr: 's.registered_at', field: 'registered_at' },
      { column: 'backup_of', expr: 's.backup_of', field: 'backup_of' },
    ],
  },
};

const accountDaily: KindSpec = {
  kind: 'account_daily',
  table: 'account_daily',
  fields: [
    f('account_id', 'id', true, ['账号ID', '账号', '员工账号']),
    f('date', 'date', true, ['日期', '统计日期']),
    f('active_adds', 'count', false, ['主动加好友数', '主动添加数', '主动加人数', '主动添加']),
    f('passive_adds', 'count', false, ['被动加好友数', '被动添加数', '被添加数', '被动添加']),
    f('mass_sends', 'count', false, ['群发次数', '群发数']),
    f('complaints', 'count', false, ['投诉数', '被投诉次数', '投诉次数']),
  ],
  key: ['account_id', 'date'],
  references: [{ field: 'account_id', table: 'accounts', column: 'external_id', what: 'account' }],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'account_id', 'date'],
    columns: [
      { column: 'account_id', expr: 's.account_id', field: 'account_id' },
      { column: 'date', expr: 's.date', field: 'date' },
      { column: 'active_adds', expr: 'coalesce(s.active_adds, 0)', field: 'active_adds' },
      { column: 'passive_adds', expr: 'coalesce(s.passive_adds, 0)', field: 'passive_adds' },
      { column: 'mass_sends', expr: 'coalesce(s.mass_sends, 0)', field: 'mass_sends' },
      { column: 'complaints', expr: 'coalesce(s.complaints, 0)', field: 'complaints' },
    ],
  },
};

const liveSessions: KindSpec = {
  kind: 'live_sessions',
  table: 'live_sessions',
  fields: [
    f('session_id', 'id', true, ['场次ID', '直播ID', '直播场次', '场次编号']),
    f('channel', 'id', true, ['渠道', '直播渠道', '平台']),
    f('started_at', 'instant', true, ['开播时间', '开始时间', '直播时间']),
    f('viewers', 'count', true, ['观看人数', '观众数', '场观']),
    f('private_adds', 'count', true, ['私域添加数', '导流人数', '加粉数', '私域导流数']),
  ],
  key: ['session_id'],
  references: [{ field: 'channel', table: 'channels', column: 'code', what: 'channel' }],
  sqlChecks: [],
  merge: {
    from: FROM_STAGE,
    conflict: ['workspace_id', 'external_id'],
    columns: [
      { column: 'external_id', expr: 's.session_id', field: 'session_id' },
      { column: 'channel', expr: 's.channel', field: 'channel' },
      { column: 'started_at', expr: instant('started_at'), field: 'started_at' },
      { column: 'viewers', expr: 's.viewers', field: 'viewers' },
      { column: 'private_adds', expr: 's.private_adds', field: 'private_adds' },
    ],
  },
};

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  channels,
  customers,
  orders,
  costs,
  conversations,
  group_daily: groupDaily,
  accounts,
  account_daily: accountDaily,
  live_sessions: liveSessions,
};

/** Staging columns of one field: name and Postgres type. */
export function stageColumns(field: FieldSpec): [string, string][] {
  switch (field.type) {
    case 'instant':
      return [
        [`${field.name}_local`, 'timestamp'],
        [`${field.name}_abs`, 'timestamptz'],
      ];
    case 'money':
    case 'money_nonneg':
      return [[`${field.name}_fen`, 'bigint']];
    case 'date':
    case 'month':
      return [[field.name, 'date']];
    case 'count':
      return [[field.name, 'integer']];
    case 'rate':
      return [[field.name, 'numeric(6, 4)']];
    case 'bool':
      return [[field.name, 'boolean']];
    default:
      return [[field.name, 'text']];
  }
}

/** Cell text (trimmed, non-empty) → the typed value. Throws ValueError. */
export function parseField(field: FieldSpec, text: string): unknown {
  return FIELD_PARSERS[field.type](text);
}

const parseNonNegativeMoney = (text: string) => parseMoney(text, 0);

/** The parser of each field type, looked up once per column by the row converter. */
export const FIELD_PARSERS: Record<FieldType, (text: string) => unknown> = {
  id: parseId,
  text: parseText,
  instant: parseInstant,
  date: parseDate,
  month: parseMonth,
  money: parseMoney,
  money_nonneg: parseNonNegativeMoney,
  count: parseCount,
  rate: parseRate,
  bool: parseBoolean,
  status: parseStatus,
  domain: parseDomain,
  category: parseCategory,
};
