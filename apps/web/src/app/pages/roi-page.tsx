/** 投入产出与预算: private ROI, nurture cost vs 3 × CAC, the 60/20/20 split and the cumulative curves. */
import { pagePresets } from '@yugang/contract';
import { addDays } from '@yugang/metrics';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { AddAnnotation } from '../../features/annotations/components/add-annotation';
import { useRoi } from '../../features/roi/api/get-roi';
import { BudgetSplitCard } from '../../features/roi/components/budget-split-card';
import { CumulativeCards } from '../../features/roi/components/cumulative-cards';
import { NurtureGaugeCard } from '../../features/roi/components/nurture-gauge-card';
import { RoiFormula } from '../../features/roi/components/roi-formula';
import { roiAnalysisMessages } from '../../features/roi/roi-messages';
import { QueryState } from '../../components/ui/query-state';
import { PageHead } from '../../components/ui/page-head';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { useMembership } from '../use-membership';
import { analysisMessages } from './analysis-messages';
import { useAnalysisWindow, WindowControls } from './analysis-window';
import { useChartMarks } from './chart-marks';
import './analysis.css';

export function RoiPage() {
  const t = useMessages(roiAnalysisMessages);
  const a = useMessages(analysisMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const search = useSearch({ from: '/w/$ws/roi' });
  const navigate = useNavigate({ from: '/w/$ws/roi' });
  const { latest, latestDay, window } = useAnalysisWindow(ws, search, pagePresets.roi.preset);
  const roi = useRoi(ws, window ?? {}, Boolean(window));
  const { canEdit } = useMembership();
  // The cumulative curves run from the launch; annotations are read for the three years the
  // annotations endpoint allows.
  const marks = useChartMarks(
    ws,
    window ? { from: addDays(window.to, -1095), to: window.to } : null,
  );
  usePageReady(Boolean(roi.data && marks));

  return (
    <QueryState query={latest}>
      {() => (
        <div className="page roi-page">
          <PageHead title={t.title} intro={t.intro} asOf={latestDay} />
          <WindowControls
            search={search}
            window={window}
            fallback={pagePresets.roi.preset}
            onChange={(next) =>
              void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true })
            }
          />
          <QueryState query={roi}>
            {(data) => (
              <>
                <p className="muted" data-testid="roi-window">
                  {a.windowText(data.window.from, data.window.to)}
                </p>
                <RoiFormula roi={data} locale={locale} />
                <h2 className="section-title">{t.figures}</h2>
                <div className="chart-grid">
                  <NurtureGaugeCard roi={data} locale={locale} ws={ws} />
                  <BudgetSplitCard roi={data} locale={locale} ws={ws} />
                  <CumulativeCards
                    roi={data}
                    locale={locale}
                    ws={ws}
                    annotations={marks?.annotations}
                    actions={
                      canEdit ? (
                        <AddAnnotation ws={ws} defaultDate={addDays(data.window.to, -1)} />
                      ) : null
                    }
                  />
                </div>
              </>
            )}
          </QueryState>
        </div>
      )}
    </QueryState>
  );
}
