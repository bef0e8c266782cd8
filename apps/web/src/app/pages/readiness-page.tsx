/** 准备度自评: organisation stage, the radar against the previous assessment, pre-actions and the questionnaire. */
import { useParams } from '@tanstack/react-router';
import { formatNumber } from '@yugang/metrics';
import { QueryState } from '../../components/ui/query-state';
import { useReadiness } from '../../features/readiness/api/readiness';
import { ReadinessForm } from '../../features/readiness/components/readiness-form';
import { ReadinessRadarCard } from '../../features/readiness/components/readiness-radar-card';
import { PageHead } from '../../components/ui/page-head';
import { readinessMessages } from '../../features/readiness/messages';
import { previousAssessment } from '../../features/readiness/readiness-rows';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { useMembership } from '../use-membership';
import './analysis.css';

export function ReadinessPage() {
  const t = useMessages(readinessMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const { canEdit } = useMembership();
  const query = useReadiness(ws);

  usePageReady(Boolean(query.data));
  return (
    <QueryState query={query}>
      {(data) => {
        const stage = data.organisation.stage;
        const latest = data.latest;
        const gaps =
          latest?.result.dimensions.filter((d) => latest.result.gaps.includes(d.dimension)) ?? [];
        return (
          <div className="page readiness-page">
            <PageHead title={t.title} intro={t.intro} />
            <section aria-labelledby="org-stage" className="cohort-detail">
              <h2 id="org-stage">
                {t.stage}
                {stage ? `: ${stage.label[locale] ?? stage.stage}` : ''}
              </h2>
              {stage && data.organisation.monthsSinceLaunch !== null ? (
                <>
                  <p data-testid="org-stage" data-value={stage.stage}>
                    {t.stageMonths(formatNumber(data.organisation.monthsSinceLaunch, locale))}
                    {stage.transitioning ? ` · ${t.transitioning}` : ''}
                  </p>
                  <p>{stage.description[locale]}</p>
                  {stage.next ? <p className="muted">{t.next(stage.next)}</p> : null}
                </>
              ) : (
                <p className="muted">{t.noLaunch}</p>
              )}
            </section>
            {latest ? (
              <div className="chart-grid" style={{ marginTop: '1rem' }}>
                <ReadinessRadarCard
                  latest={latest}
                  previous={previousAssessment(data)}
                  locale={locale}
                  ws={ws}
                />
                <section className="chart-frame">
                  <h3>{latest.result.ready ? t.ready : t.notReady}</h3>
                  {gaps.length > 0 ? (
                    <p className="status-bad">
                      {t.gaps(gaps.map((g) => g.label[locale] ?? g.dimension).join('、'))}
                    </p>
                  ) : null}
                </section>
              </div>
            ) : (
              <p className="muted">{t.noAssessment}</p>
            )}
            <ReadinessForm
              key={latest?.id ?? 0}
              data={data}
              ws={ws}
              locale={locale}
              canEdit={canEdit}
            />
          </div>
        );
      }}
    </QueryState>
  );
}
