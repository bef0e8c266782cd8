/** 目标: every goal with progress and forecast; leads and owners create, edit and delete them. */
import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { addDays } from '@yugang/metrics';
import { QueryState } from '../../components/ui/query-state';
import { Empty } from '../../components/ui/status';
import { useGoals } from '../../features/goals/api/goals';
import { GoalForm, type GoalDraft } from '../../features/goals/components/goal-form';
import { GoalTable } from '../../features/goals/components/goal-table';
import { PageHead } from '../../components/ui/page-head';
import { goalsMessages } from '../../features/goals/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { usePageReady } from '../../lib/page-ready';
import { useMembership } from '../use-membership';
import './analysis.css';

export function GoalsPage() {
  const t = useMessages(goalsMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const { canEdit } = useMembership();
  const query = useGoals(ws, {});
  const [draft, setDraft] = useState<GoalDraft | null>(null);

  usePageReady(Boolean(query.data));
  return (
    <QueryState query={query}>
      {(data) => {
        const month = `${data.asOf.slice(0, 7)}-01`;
        return (
          <div className="page goals-page">
            <PageHead
              title={t.title}
              intro={t.intro}
              actions={
                canEdit && !draft ? (
                  <button
                    type="button"
                    data-testid="add-goal"
                    onClick={() =>
                      setDraft({
                        metric: 'gmv',
                        segment: 'private',
                        periodStart: month,
                        periodEnd: addDays(month, 31).slice(0, 8) + '01',
                        target: '',
                        purpose: '',
                      })
                    }
                  >
                    {t.add}
                  </button>
                ) : null
              }
            />
            {draft ? (
              <GoalForm
                key={draft.id ?? 'new'}
                ws={ws}
                locale={locale}
                initial={draft}
                onDone={() => setDraft(null)}
              />
            ) : null}
            {!canEdit ? <p className="muted">{t.viewerNote}</p> : null}
            <h2 className="section-title">{t.list}</h2>
            {data.goals.length === 0 ? (
              <Empty>{t.none}</Empty>
            ) : (
              <GoalTable
                ws={ws}
                goals={data.goals}
                locale={locale}
                canEdit={canEdit}
                onEdit={(g) =>
                  setDraft({
                    id: g.id,
                    metric: g.metric,
                    segment: g.segment,
                    periodStart: g.periodStart,
                    periodEnd: g.periodEnd,
                    target: String(g.target),
                    purpose: g.purpose,
                  })
                }
              />
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
