/** Create or edit a goal: any catalog metric, customer group, period and target. */
import { useId, useState } from 'react';
import { catalog, type Locale } from '@yugang/metrics';
import { ErrorState } from '../../../components/ui/status';
import { useMessages } from '../../../lib/i18n';
import { useCreateGoal, useUpdateGoal } from '../api/goals';
import { goalsMessages } from '../messages';

export interface GoalDraft {
  id?: number;
  metric: string;
  segment: 'all' | 'private' | 'public';
  periodStart: string;
  periodEnd: string;
  target: string;
  purpose: string;
}

export function GoalForm({
  ws,
  locale,
  initial,
  onDone,
}: {
  ws: string;
  locale: Locale;
  initial: GoalDraft;
  onDone: () => void;
}) {
  const t = useMessages(goalsMessages);
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const create = useCreateGoal(ws);
  const update = useUpdateGoal(ws);
  const busy = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const set = (next: Partial<GoalDraft>) => setDraft((d) => ({ ...d, ...next }));
  const name = catalog.find((m) => m.id === draft.metric)?.name[locale] ?? draft.metric;
  return (
    <form
      className="export-form"
      aria-label={draft.id ? t.editing(name) : t.add}
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          metric: draft.metric,
          segment: draft.segment,
          periodStart: draft.periodStart,
          periodEnd: draft.periodEnd,
          target: Number(draft.target),
          purpose: draft.purpose,
        };
        if (draft.id) update.mutate({ id: draft.id, body }, { onSuccess: onDone });
        else create.mutate(body, { onSuccess: onDone });
      }}
    >
      <label className="select-label" htmlFor={`${id}-metric`}>
        <span>{t.metric}</span>
        <select
          id={`${id}-metric`}
          value={draft.metric}
          onChange={(e) => set({ metric: e.target.value })}
        >
          {catalog.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name[locale]}
            </option>
          ))}
        </select>
      </label>
      <label className="select-label">
        <span>{t.segment}</span>
        <select
          value={draft.segment}
          onChange={(e) => set({ segment: e.target.value as GoalDraft['segment'] })}
        >
          <option value="all">{t.all}</option>
          <option value="private">{t.privateLabel}</option>
          <option value="public">{t.publicLabel}</option>
        </select>
      </label>
      <label className="select-label">
        <span>{t.from}</span>
        <input
          type="date"
          required
          value={draft.periodStart}
          onChange={(e) => set({ periodStart: e.target.value })}
        />
      </label>
      <label className="select-label">
        <span>{t.to}</span>
        <input
          type="date"
          required
          value={draft.periodEnd}
          onChange={(e) => set({ periodEnd: e.target.value })}
        />
      </label>
      <label className="select-label">
        <span>{t.target}</span>
        <input
          type="number"
          step="any"
          required
          value={draft.target}
          onChange={(e) => set({ target: e.target.value })}
          data-testid="goal-target"
        />
      </label>
      <label className="select-label">
        <span>{t.purpose}</span>
        <input
          type="text"
          maxLength={500}
          value={draft.purpose}
          onChange={(e) => set({ purpose: e.target.value })}
        />
      </label>
      <button type="submit" disabled={busy}>
        {t.save}
      </button>
      <button type="button" onClick={onDone}>
        {t.cancel}
      </button>
      <p className="muted" style={{ flexBasis: '100%', margin: 0 }}>
        {t.unitHint}
      </p>
      {error ? <ErrorState error={error} /> : null}
    </form>
  );
}
