/** 客户价值分层: tier sizes and GMV share, the week-over-week Sankey, and the segment export. */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { QueryState } from '../../components/ui/query-state';
import { useTiers } from '../../features/tiers/api/get-tiers';
import { SegmentExport } from '../../features/tiers/components/segment-export';
import { TierSankeyCard } from '../../features/tiers/components/tier-sankey-card';
import { TierTable } from '../../features/tiers/components/tier-table';
import { PageHead } from '../../components/ui/page-head';
import { tiersMessages } from '../../features/tiers/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import './analysis.css';

export function TiersPage() {
  const t = useMessages(tiersMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/tiers' });
  const navigate = useNavigate({ from: '/w/$ws/tiers' });
  const query = useTiers(ws, search.asOf ? { asOf: search.asOf } : {});

  usePageReady(Boolean(query.data));
  return (
    <QueryState query={query}>
      {(tiers) => (
        <div className="page tiers-page">
          <PageHead title={t.title} intro={t.intro} asOf={tiers.freshness.latestDataDay} />
          <div className="controls">
            <label className="select-label">
              <span>{t.asOfLabel}</span>
              <input
                type="date"
                value={tiers.asOf}
                onChange={(e) =>
                  e.target.value &&
                  void navigate({
                    search: (prev) => ({ ...prev, asOf: e.target.value }),
                    replace: true,
                  })
                }
              />
            </label>
          </div>
          <h2 className="section-title">
            {t.sizes} <span className="muted">{t.window(tiers.window.from, tiers.window.to)}</span>
          </h2>
          <TierTable tiers={tiers} locale={locale} />
          <div className="chart-grid" style={{ marginTop: '1rem' }}>
            <TierSankeyCard tiers={tiers} locale={locale} ws={ws} />
          </div>
          <SegmentExport tiers={tiers} locale={locale} ws={ws} />
          {tiers.notes.length > 0 ? (
            <details>
              <summary>{t.notes}</summary>
              <ul>
                {tiers.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      )}
    </QueryState>
  );
}
