/**
 * WeCom group-chat statistics, as the admin console exports them (客户联系 → 客户群 → 群聊数据,
 * per day and per group or per group owner) and as the API answers them
 * (externalcontact/groupchat/statistic: stat_time, new_member_cnt, member_total, member_has_msg,
 * msg_total …, one row per day and owner or chat). Both become group_daily rows; a row keyed by
 * owner stands for the owner's groups together.
 */
import { definePreset, unixDate } from './preset.js';

const GROUP_OUTPUTS = [
  'group_id',
  'group_name',
  'date',
  'members',
  'active_members',
  'messages',
  'joins',
  'leaves',
] as const;

export const wecomGroups = definePreset({
  name: 'wecom_groups',
  label: { zh: '企业微信 群聊数据', en: 'WeCom group-chat statistics' },
  kind: 'group_daily',
  columns: {
    group: ['群聊名称', '群名称', '客户群名称', '群名'],
    owner: ['群主'],
    date: ['日期', '统计日期', '时间'],
    // WeCom's own names for the statistic's fields (截至当天… = as of that day), as its API
    // documents them and the 群聊数据统计 export labels them; then the shorter console spellings.
    members: ['截至当天客户群总人数', '客户群总人数', '群成员总数', '群成员数', '群总人数'],
    active: [
      '截至当天有发过消息的群成员数',
      '有发过消息的群成员数',
      '发过消息的群成员数',
      '发言成员数',
      '有发言的群成员数',
    ],
    messages: [
      '截至当天客户群消息总数',
      '客户群消息总数',
      '群聊消息总数',
      '群聊消息数',
      '消息总数',
    ],
    joins: ['客户群新增群人数', '新增群成员数', '入群人数', '新增成员数'],
    leaves: ['退群人数', '退群成员数'],
  },
  required: ['date', 'members', 'active'],
  outputs: GROUP_OUTPUTS,
  sources: {
    group_id: 'group',
    group_name: 'group',
    date: 'date',
    members: 'members',
    active_members: 'active',
    messages: 'messages',
    joins: 'joins',
    leaves: 'leaves',
  },
  toRow(get) {
    const id = get('group') || (get('owner') ? `owner:${get('owner')}` : '');
    if (!id) return { skip: 'no_stable_id' };
    return {
      fields: {
        group_id: id,
        group_name: get('group') || get('owner'),
        date: get('date'),
        members: get('members'),
        active_members: get('active'),
        messages: get('messages'),
        joins: get('joins'),
        leaves: get('leaves'),
      },
    };
  },
});

export const wecomGroupsApi = definePreset({
  name: 'wecom_groups_api',
  label: { zh: '企业微信 API 群聊统计字段', en: 'WeCom API group-chat statistics fields' },
  kind: 'group_daily',
  columns: {
    chat: ['chat_id', 'chatid'],
    owner: ['owner', 'userid'],
    date: ['stat_time', 'day'],
    members: ['member_total'],
    active: ['member_has_msg'],
    messages: ['msg_total'],
    joins: ['new_member_cnt'],
    leaves: ['member_leave_cnt', 'leave_member_cnt'],
  },
  required: ['date', 'members', 'active', 'messages'],
  outputs: GROUP_OUTPUTS,
  sources: {
    group_id: 'chat',
    group_name: 'chat',
    date: 'date',
    members: 'members',
    active_members: 'active',
    messages: 'messages',
    joins: 'joins',
    leaves: 'leaves',
  },
  toRow(get, ctx) {
    const id = get('chat') || (get('owner') ? `owner:${get('owner')}` : '');
    if (!id) return { skip: 'no_stable_id' };
    return {
      fields: {
        group_id: id,
        group_name: get('chat') ? '' : get('owner'),
        date: unixDate(get('date'), ctx.timeZone),
        members: get('members'),
        active_members: get('active'),
        messages: get('messages'),
        joins: get('joins'),
        leaves: get('leaves'),
      },
    };
  },
});

/**
 * The API's contact statistics (externalcontact/get_user_behavior_data: stat_time, new_apply_cnt,
 * new_contact_cnt, chat_cnt, message_cnt, reply_percentage, avg_reply_time,
 * negative_feedback_cnt), one row per staff account and day. Only new_apply_cnt has an exact
 * column of ours (active_adds); the others are reported as ignored columns rather than guessed.
 */
export const wecomContactsApi = definePreset({
  name: 'wecom_contacts_api',
  label: { zh: '企业微信 API 联系客户统计字段', en: 'WeCom API contact statistics fields' },
  kind: 'account_daily',
  columns: {
    account: ['userid', 'user_id'],
    date: ['stat_time', 'day'],
    applies: ['new_apply_cnt'],
    contacts: ['new_contact_cnt'],
  },
  required: ['account', 'date', 'applies', 'contacts'],
  outputs: ['account_id', 'date', 'active_adds'],
  sources: { account_id: 'account', date: 'date', active_adds: 'applies' },
  toRow(get, ctx) {
    if (!get('account')) return { skip: 'no_stable_id' };
    return {
      fields: {
        account_id: get('account'),
        date: unixDate(get('date'), ctx.timeZone),
        active_adds: get('applies'),
      },
    };
  },
});
