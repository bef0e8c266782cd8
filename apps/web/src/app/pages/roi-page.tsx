/** 投入产出与预算: private ROI, nurture cost vs 3 × CAC, the 60/20/20 split and the cumulative curves. */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useRoi } from '../../features/roi/api/get-roi';
import { BudgetSplitCard } from '../../features/roi/components/budget-split-card';
import { CumulativeCards } from '../../features/roi/components/cumulative-cards';
import { NurtureGaugeCard } from '../../features/roi/components/nurture-gauge-card';
import { RoiFormula } from '../../features/roi/components/roi-formula';
import { roiAnalysisMessages } from '../../features/roi/roi-messages';
import { useSummary } from '../../features/summary/api/get-summary';
import { ErrorState, Loading } from '../../components/ui/status';
import { useLocale, useMessages } from '../../lib/i18n';
import { analysisMessages } from './analysis-messages';
import { windowOf, WindowControls } from './analysis-window';
import './analysis.css';

export function RoiPage() {
  const t = useMessages(roiAnalysisMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/roi' });
  const navigate = useNavigate({ from: '/w/$ws/roi' });
  const latest = useSummary(ws, {});
  const latestDay = latest.data?.freshness.latestDataDay ?? null;
  const window = latestDay ? windowOf(search, latestDay, 'last_12_months') : null;
  const roi = useRoi(ws, window ?? {});

  if (latest.isError)
    return <ErrorState error={latest.error} onRetry={() => void latest.refetch()} />;
  if (!window) return <Loading />;
  return (
    <div className="page roi-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">
            {t.intro} {latestDay ? a.asOf(latestDay) : null}
          </p>
        </div>
      </header>
      <WindowControls
        search={search}
        window={window}
        fallback="last_12_months"
        onChange={(next) =>
          void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
        }
      />
      {roi.isError ? (
        <ErrorState error={roi.error} onRetry={() => void roi.refetch()} />
      ) : roi.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="muted" data-testid="roi-window">
            {a.windowText(roi.data.window.from, roi.data.window.to)}
          </p>
          <RoiFormula roi={roi.data} locale={locale} />
          <h2 className="section-title">{t.figures}</h2>
          <div className="chart-grid">
            <NurtureGaugeCard roi={roi.data} locale={locale} ws={ws} />
            <BudgetSplitCard roi={roi.data} locale={locale} ws={ws} />
            <CumulativeCards roi={roi.data} locale={locale} ws={ws} />
          </div>
        </>
      )}
    </div>
  );
}
