/** The `group_daily` import kind. */
import { defineKind, f, FROM_STAGE } from './kind-spec.js';

export const groupDaily = defineKind({
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
});
