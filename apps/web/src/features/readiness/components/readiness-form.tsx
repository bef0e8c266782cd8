/**
 * The questionnaire and the five pre-actions as one form (the API takes pre-action ids as boolean
 * answers), starting from the latest answers; read-only for viewers.
 */
import { useId, useState } from 'react';
import { PRE_ACTIONS, type Locale } from '@yugang/metrics';
import type { readinessContract, ResponseOf } from '@yugang/contract';
import { ErrorState } from '../../../components/ui/status';
import { useMessages } from '../../../lib/i18n';
import { useCreateAssessment } from '../api/readiness';
import { readinessMessages } from '../messages';

type Readiness = ResponseOf<typeof readinessContract.get>;
type Answers = Record<string, number | boolean>;

export function ReadinessForm({
  data,
  ws,
  locale,
  canEdit,
}: {
  data: Readiness;
  ws: string;
  locale: Locale;
  canEdit: boolean;
}) {
  const t = useMessages(readinessMessages);
  const id = useId();
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(data.latest?.answers ?? {}) }));
  const save = useCreateAssessment(ws);
  const set = (key: string, value: number | boolean) =>
    setAnswers((prev) => ({ ...prev, [key]: value }));
  const done = new Set(data.latest?.preActions.done ?? []);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ answers });
      }}
    >
      <h2 className="section-title">{t.preActions}</h2>
      <p className="muted" data-testid="pre-actions-done" data-value={done.size}>
        {t.preActionsDone(String(done.size), String(PRE_ACTIONS.length))}
      </p>
      <ul className="checklist">
        {PRE_ACTIONS.map((a) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                checked={answers[a.id] === true}
                disabled={!canEdit}
                onChange={(e) => set(a.id, e.target.checked)}
              />{' '}
              <strong>{a.title[locale]}</strong>
            </label>
            <ul className="muted">
              {a.items.map((item) => (
                <li key={item[locale]}>{item[locale]}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h2 className="section-title">{t.questionnaire}</h2>
      <p className="muted">{t.scaleHint}</p>
      <ol className="questionnaire">
        {data.questions.map((q) => (
          <li key={q.id}>
            {q.kind === 'scale' ? (
              <label>
                <span>{q.text[locale]}</span>{' '}
                <select
                  value={typeof answers[q.id] === 'number' ? String(answers[q.id]) : ''}
                  disabled={!canEdit}
                  onChange={(e) => e.target.value !== '' && set(q.id, Number(e.target.value))}
                >
                  <option value="">—</option>
                  {[0, 1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <label>
                <input
                  type="checkbox"
                  checked={answers[q.id] === true}
                  disabled={!canEdit}
                  onChange={(e) => set(q.id, e.target.checked)}
                />{' '}
                {q.text[locale]}
              </label>
            )}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <p>
          <button
            type="submit"
            disabled={save.isPending || Object.keys(answers).length === 0}
            id={`${id}-save`}
          >
            {save.isPending ? t.saving : t.save}
          </button>{' '}
          {save.isSuccess ? <span className="status-ok">{t.saved}</span> : null}
        </p>
      ) : (
        <p className="muted">{t.viewerNote}</p>
      )}
      {save.isError ? <ErrorState error={save.error} /> : null}
    </form>
  );
}
