/** 私域增量价值: the matched lift (with the naive gap, balance and ROI), A/B holdouts and the planner. */
import { pagePresets } from '@yugang/contract';
import { useId } from 'react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { QueryState } from '../../components/ui/query-state';
import { useIncrementality } from '../../features/incrementality/api/get-incrementality';
import { IncrementalitySection } from '../../features/incrementality/components/incrementality-section';
import { MONTH_CHOICES } from '../../features/incrementality/incrementality-search';
import { incrementalityMessages } from '../../features/incrementality/messages';
import { ExperimentPlanner } from '../../features/experiments/components/experiment-planner';
import { ExperimentsList } from '../../features/experiments/components/experiments-section';
import { PageHead } from '../../components/ui/page-head';
import { experimentsMessages } from '../../features/experiments/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import './analysis.css';

export function IncrementalityPage() {
  const t = useMessages(incrementalityMessages);
  const x = useMessages(experimentsMessages);
  const { locale } = useLocale();
  const id = useId();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/incrementality' });
  const navigate = useNavigate({ from: '/w/$ws/incrementality' });
  const months = search.months ?? pagePresets.incrementality.months;
  const query = useIncrementality(ws, { months });
  usePageReady(Boolean(query.data));
  return (
    <div className="page incrementality-page">
      <PageHead title={t.title} intro={t.intro} />
      <div className="controls">
        <fieldset className="segmented">
          <legend>{t.months}</legend>
          {MONTH_CHOICES.map((n) => (
            <label key={n} className={months === n ? 'is-active' : undefined}>
              <input
                type="radio"
                name={`${id}-months`}
                checked={months === n}
                onChange={() =>
                  void navigate({ search: (prev) => ({ ...prev, months: n }), replace: true })
                }
              />
              {t.monthsOption(n)}
            </label>
          ))}
        </fieldset>
      </div>
      <QueryState query={query}>
        {(data) => <IncrementalitySection data={data} locale={locale} ws={ws} />}
      </QueryState>
      <section aria-labelledby={`${id}-experiments`}>
        <h2 id={`${id}-experiments`} className="section-title">
          {x.title}
        </h2>
        <p className="muted">{x.intro}</p>
        <ExperimentsList ws={ws} locale={locale} selected={search.experiment} />
        <div className="chart-grid" style={{ marginTop: '1rem' }}>
          <ExperimentPlanner ws={ws} locale={locale} />
        </div>
      </section>
    </div>
  );
}
