/** 同期群留存: the retention triangle on either basis, by customer group; a picked cohort's size and curve. */
import { pagePresets } from '@yugang/contract';
import { useId, useMemo } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { formatNumber } from '@yugang/metrics';
import { TrendChart } from '../../components/charts/trend-chart';
import { QueryState } from '../../components/ui/query-state';
import { useCohorts } from '../../features/cohorts/api/get-cohorts';
import { cohortCurve, groupCohorts, type CohortGroup } from '../../features/cohorts/cohort-rows';
import { RetentionHeatmapCard } from '../../features/cohorts/components/retention-heatmap-card';
import { PageHead } from '../../components/ui/page-head';
import { cohortsMessages } from '../../features/cohorts/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import './analysis.css';

export function CohortsPage() {
  const t = useMessages(cohortsMessages);
  const { locale } = useLocale();
  const id = useId();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/cohorts' });
  const navigate = useNavigate({ from: '/w/$ws/cohorts' });
  const basis = search.basis ?? pagePresets.cohorts.basis;
  const group: CohortGroup = search.group ?? pagePresets.cohorts.group;
  const query = useCohorts(ws, {
    basis,
    maxK: pagePresets.cohorts.maxK,
    ...(search.asOf ? { asOf: search.asOf } : {}),
  });
  const rows = useMemo(
    () => (query.data ? groupCohorts(query.data, group) : []),
    [query.data, group],
  );
  const picked =
    search.cohort && rows.some((r) => r.cohort === search.cohort) ? search.cohort : undefined;
  const detail =
    query.data && picked ? query.data.cohorts.find((c) => c.cohort === picked) : undefined;
  const curve = useMemo(
    () => (query.data && picked ? cohortCurve(query.data, picked) : []),
    [query.data, picked],
  );
  usePageReady(Boolean(query.data));
  const set = (next: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  const basisLabel = basis === 'first_order' ? t.firstOrder : t.privateJoin;
  const groupLabel = { all: t.all, private: t.privateLabel, public: t.publicLabel }[group];
  return (
    <div className="page cohorts-page">
      <PageHead title={t.title} intro={t.intro} />
      <div className="controls">
        <fieldset className="segmented">
          <legend>{t.basis}</legend>
          {(['first_order', 'private_join'] as const).map((b) => (
            <label key={b} className={basis === b ? 'is-active' : undefined}>
              <input
                type="radio"
                name={`${id}-basis`}
                checked={basis === b}
                onChange={() => set({ basis: b, cohort: undefined })}
              />
              {b === 'first_order' ? t.firstOrder : t.privateJoin}
            </label>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend>{t.group}</legend>
          {(['all', 'private', 'public'] as const).map((g) => (
            <label key={g} className={group === g ? 'is-active' : undefined}>
              <input
                type="radio"
                name={`${id}-group`}
                checked={group === g}
                onChange={() => set({ group: g })}
              />
              {{ all: t.all, private: t.privateLabel, public: t.publicLabel }[g]}
            </label>
          ))}
        </fieldset>
        {rows.length > 0 ? (
          <label className="select-label">
            <span>{t.pickCohort}</span>
            <select
              value={picked ?? ''}
              onChange={(e) => set({ cohort: e.target.value || undefined })}
              data-testid="cohort-select"
            >
              <option value="">—</option>
              {rows.map((r) => (
                <option key={r.cohort} value={r.cohort}>
                  {r.cohort}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <QueryState query={query} isEmpty={() => rows.length === 0} empty={t.none}>
        {() => (
          <>
            <RetentionHeatmapCard
              ws={ws}
              locale={locale}
              title={t.heatmap(basisLabel, groupLabel)}
              rows={rows}
              onPick={(cohort) => set({ cohort })}
            />
            {detail ? (
              <section className="cohort-detail" aria-live="polite" data-testid="cohort-detail">
                <h2>{t.detail(detail.cohort)}</h2>
                <p data-testid="cohort-size" data-value={detail.size}>
                  {t.detailSize(
                    formatNumber(detail.size, locale),
                    formatNumber(detail.groups.private.size, locale),
                    formatNumber(detail.groups.public.size, locale),
                  )}
                </p>
                <TrendChart
                  input={{ locale, title: t.curve(detail.cohort), unit: 'ratio', rows: curve }}
                  fileName={`${ws}-cohort-${detail.cohort}`}
                />
              </section>
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
