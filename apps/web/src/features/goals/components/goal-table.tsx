/** Goals with progress and forecast; leads and owners get edit and delete. */
import { metricById, isMetricId, formatPercent, type Locale } from '@yugang/metrics';
import type { goalsContract, ResponseOf } from '@yugang/contract';
import { formatFigure } from '../../../lib/format';
import { useMessages } from '../../../lib/i18n';
import { useDeleteGoal } from '../api/goals';
import { goalsMessages } from '../messages';

type Goal = ResponseOf<typeof goalsContract.list>['goals'][number];

export function GoalTable(props: {
  ws: string;
  goals: readonly Goal[];
  locale: Locale;
  canEdit: boolean;
  onEdit: (goal: Goal) => void;
}) {
  const { goals, locale, canEdit } = props;
  const t = useMessages(goalsMessages);
  const remove = useDeleteGoal(props.ws);
  const segment = { all: t.all, private: t.privateLabel, public: t.publicLabel };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t.list}>
      <table className="figure-table" data-testid="goal-table" data-count={goals.length}>
        <caption className="sr-only">{t.list}</caption>
        <thead>
          <tr>
            <th scope="col">{t.metric}</th>
            <th scope="col">{t.segment}</th>
            <th scope="col">{t.period}</th>
            <th scope="col">{t.target}</th>
            <th scope="col">{t.current}</th>
            <th scope="col">{t.progress}</th>
            <th scope="col">{t.forecast}</th>
            <th scope="col">{t.status}</th>
            {canEdit ? <th scope="col">{t.actions}</th> : null}
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => {
            const def = isMetricId(g.metric) ? metricById(g.metric) : null;
            const unit = def?.unit ?? 'count';
            const name = def?.name[locale] ?? g.metric;
            const p = g.progress;
            const status =
              p.status === 'not_started'
                ? t.notStarted
                : p.onTrack === null
                  ? p.status === 'ended'
                    ? t.ended
                    : t.unknown
                  : p.onTrack
                    ? t.onTrack
                    : t.offTrack;
            return (
              <tr key={g.id} data-goal={g.id}>
                <th scope="row" title={g.purpose || undefined}>
                  {name}
                </th>
                <td>{segment[g.segment]}</td>
                <td>{t.periodText(g.periodStart, g.periodEnd)}</td>
                <td data-testid={`goal-${g.id}-target`} data-value={g.target}>
                  {formatFigure(g.target, unit, locale)}
                </td>
                <td>{formatFigure(p.current, unit, locale)}</td>
                <td>
                  <progress
                    max={1}
                    value={Math.max(0, Math.min(1, p.progress.value ?? 0))}
                    aria-label={name}
                  />{' '}
                  {formatPercent(p.progress.value, locale)}
                </td>
                <td>{formatFigure(p.forecast, unit, locale)}</td>
                <td
                  className={
                    p.onTrack === false ? 'status-bad' : p.onTrack ? 'status-ok' : undefined
                  }
                >
                  {status}
                </td>
                {canEdit ? (
                  <td>
                    <button type="button" onClick={() => props.onEdit(g)}>
                      {t.edit}
                    </button>{' '}
                    <button
                      type="button"
                      onClick={() => {
                        if (window.confirm(t.confirmRemove(name))) remove.mutate(g.id);
                      }}
                    >
                      {t.remove}
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
