/** The `live_sessions` import kind. */
import { defineKind, f, FROM_STAGE, instant } from './kind-spec.js';

export const liveSessions = defineKind({
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
});
