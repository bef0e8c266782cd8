/** 生命周期价值: historical LTV curves by cohort and group; predicted CLV and P(alive) with the model read out. */
import { pagePresets } from '@yugang/contract';
import { useId } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { QueryState } from '../../components/ui/query-state';
import { useLtv } from '../../features/ltv/api/get-ltv';
import { useLtvPredicted } from '../../features/ltv/api/get-ltv-predicted';
import { LtvCurvesCards } from '../../features/ltv/components/ltv-curves-cards';
import { PredictedLtvSection } from '../../features/ltv/components/predicted-ltv-section';
import { PageHead } from '../../components/ui/page-head';
import type { LtvGroup } from '../../features/ltv/ltv-analysis-rows';
import { ltvAnalysisMessages } from '../../features/ltv/ltv-messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import './analysis.css';

export function LtvPage() {
  const t = useMessages(ltvAnalysisMessages);
  const { locale } = useLocale();
  const id = useId();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/ltv' });
  const navigate = useNavigate({ from: '/w/$ws/ltv' });
  const basis = search.basis ?? pagePresets.ltv.basis;
  const measure = search.measure ?? pagePresets.ltv.measure;
  const group: LtvGroup = search.group ?? pagePresets.ltv.group;
  const ltv = useLtv(ws, { basis, measure, maxK: pagePresets.ltv.maxK });
  const predicted = useLtvPredicted(ws, {});
  usePageReady(Boolean(ltv.data && predicted.data));
  const set = (next: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const radios = <V extends string>(
    name: string,
    legend: string,
    value: V,
    options: readonly (readonly [V, string])[],
  ) => (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} className={value === v ? 'is-active' : undefined}>
          <input
            type="radio"
            name={`${id}-${name}`}
            checked={value === v}
            onChange={() => set({ [name]: v })}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="page ltv-page">
      <PageHead title={t.title} intro={t.intro} />
      <div className="controls">
        {radios('basis', t.basis, basis, [
          ['first_order', t.firstOrder],
          ['private_join', t.privateJoin],
        ] as const)}
        {radios('measure', t.measure, measure, [
          ['gmv', t.gmv],
          ['gross_profit', t.grossProfit],
        ] as const)}
        {radios('group', t.group, group, [
          ['all', t.all],
          ['private', t.privateLabel],
          ['public', t.publicLabel],
        ] as const)}
      </div>
      <QueryState query={ltv}>
        {(data) => (
          <div className="chart-grid">
            <LtvCurvesCards ltv={data} group={group} locale={locale} ws={ws} />
          </div>
        )}
      </QueryState>
      <QueryState query={predicted}>
        {(data) => <PredictedLtvSection predicted={data} locale={locale} ws={ws} />}
      </QueryState>
    </div>
  );
}
