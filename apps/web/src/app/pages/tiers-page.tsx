/** 客户价值分层: tier sizes and GMV share, the week-over-week Sankey, and the segment export. */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ErrorState, Loading } from '../../components/ui/status';
import { useTiers } from '../../features/tiers/api/get-tiers';
import { SegmentExport } from '../../features/tiers/components/segment-export';
import { TierSankeyCard } from '../../features/tiers/components/tier-sankey-card';
import { TierTable } from '../../features/tiers/components/tier-table';
import { tiersMessages } from '../../features/tiers/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { analysisMessages } from './analysis-messages';
import './analysis.css';

export function TiersPage() {
  const t = useMessages(tiersMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/tiers' });
  const navigate = useNavigate({ from: '/w/$ws/tiers' });
  const query = useTiers(ws, search.asOf ? { asOf: search.asOf } : {});

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loading />;
  const tiers = query.data;
  return (
    <div className="page tiers-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">
            {t.intro} {tiers.freshness.latestDataDay ? a.asOf(tiers.freshness.latestDataDay) : null}
          </p>
        </div>
      </header>
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
  );
}
