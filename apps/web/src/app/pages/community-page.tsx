/** 社群健康: alerts first, the group table, one group's weekly trend, and new groups' cold start. */
import { useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { addDays } from '@yugang/metrics';
import { QueryState } from '../../components/ui/query-state';
import { PageHead } from '../../components/ui/page-head';
import { Empty } from '../../components/ui/status';
import { AddAnnotation } from '../../features/annotations/components/add-annotation';
import { useCommunity } from '../../features/community/api/get-community';
import { groupsByAlert } from '../../features/community/community-rows';
import {
  ColdStartTable,
  CommunityAlerts,
  GroupTable,
} from '../../features/community/components/community-tables';
import { GroupTrendCards } from '../../features/community/components/group-trend-cards';
import { communityMessages } from '../../features/community/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { useMembership } from '../use-membership';
import { useChartMarks } from './chart-marks';
import './analysis.css';

export function CommunityPage() {
  const t = useMessages(communityMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/community' });
  const navigate = useNavigate({ from: '/w/$ws/community' });
  const query = useCommunity(ws, search.asOf ? { asOf: search.asOf } : {});
  usePageReady(Boolean(query.data));
  const groups = useMemo(() => (query.data ? groupsByAlert(query.data) : []), [query.data]);
  const set = (next: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  const picked = groups.find((g) => g.groupId === search.group) ?? groups[0];
  const weeks = picked?.trend.weeks;
  const marks = useChartMarks(
    ws,
    weeks?.length ? { from: weeks[0]!.from, to: addDays(weeks.at(-1)!.from, 7) } : null,
  );
  const { canEdit } = useMembership();
  return (
    <QueryState query={query}>
      {(data) => (
        <div className="page community-page">
          <PageHead title={t.title} intro={t.intro} asOf={data.freshness.latestDataDay} />
          <div className="controls">
            <label className="select-label">
              <span>{t.asOfLabel}</span>
              <input
                type="date"
                value={data.asOf}
                onChange={(e) => e.target.value && set({ asOf: e.target.value })}
              />
            </label>
            {groups.length > 0 ? (
              <label className="select-label">
                <span>{t.pickGroup}</span>
                <select
                  value={picked?.groupId ?? ''}
                  onChange={(e) => set({ group: e.target.value })}
                >
                  {groups.map((g) => (
                    <option key={g.groupId} value={g.groupId}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <CommunityAlerts data={data} locale={locale} />
          <h2 className="section-title">{t.groups}</h2>
          {groups.length === 0 ? <Empty /> : <GroupTable groups={groups} locale={locale} />}
          {picked ? (
            <>
              <h2 className="section-title">{t.trend(picked.name)}</h2>
              <div className="chart-grid">
                <GroupTrendCards
                  group={picked}
                  locale={locale}
                  ws={ws}
                  annotations={marks?.annotations}
                  actions={
                    canEdit && weeks?.length ? (
                      <AddAnnotation ws={ws} defaultDate={addDays(weeks.at(-1)!.from, 6)} />
                    ) : null
                  }
                />
              </div>
            </>
          ) : null}
          <h2 className="section-title">{t.coldStart}</h2>
          <ColdStartTable data={data} locale={locale} />
        </div>
      )}
    </QueryState>
  );
}
