/** 目标: every goal with progress and forecast; leads and owners create, edit and delete them. */
import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { addDays } from '@yugang/metrics';
import { Empty, ErrorState, Loading } from '../../components/ui/status';
import { useGoals } from '../../features/goals/api/goals';
import { GoalForm, type GoalDraft } from '../../features/goals/components/goal-form';
import { GoalTable } from '../../features/goals/components/goal-table';
import { goalsMessages } from '../../features/goals/messages';
import { useLocale, useMessages } from '../../lib/i18n';
import { useMembership } from '../use-membership';
import './analysis.css';

export function GoalsPage() {
  const t = useMessages(goalsMessages);
  const { locale } = useLocale();
  const { ws } = useParams({ from: '/w/$ws' });
  const { canEdit } = useMembership();
  const query = useGoals(ws, {});
  const [draft, setDraft] = useState<GoalDraft | null>(null);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loading />;
  const asOf = query.data.asOf;
  const month = `${asOf.slice(0, 7)}-01`;
  return (
    <div className="page goals-page">
      <header className="page-head">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">{t.intro}</p>
        </div>
        {canEdit && !draft ? (
          <div className="page-head__actions">
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
          </div>
        ) : null}
      </header>
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
      {query.data.goals.length === 0 ? (
        <Empty>{t.none}</Empty>
      ) : (
        <GoalTable
          ws={ws}
          goals={query.data.goals}
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
}
