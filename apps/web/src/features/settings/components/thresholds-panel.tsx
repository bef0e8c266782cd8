/** Commission rate, default margin, private share, tier rules and risk red lines (owners edit). */
import type { SettingsView } from '@yugang/contract';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useUpdateSettings } from '../api/settings';
import { settingsMessages } from '../messages';
import {
  THRESHOLD_SECTIONS,
  toForm,
  toPatch,
  type FormProblem,
  type ThresholdField,
  type ThresholdForm,
} from '../threshold-fields';
import { SaveState } from './save-state';

export function ThresholdsPanel({
  ws,
  view,
  canEdit,
}: {
  ws: string;
  view: SettingsView;
  canEdit: boolean;
}) {
  const t = useMessages(settingsMessages);
  const [form, setForm] = useState<ThresholdForm>(() => toForm(view.settings));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const update = useUpdateSettings(ws);
  const defaults = toForm(view.defaults);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { patch, problems: found } = toPatch(view, form);
    setProblems(found);
    if (found.length > 0 || !patch.settings) return;
    update.mutate(patch, { onSuccess: (answer) => setForm(toForm(answer.settings)) });
  }

  const input = (field: ThresholdField) => {
    const id = `threshold-${field.id}`;
    const problem = problems.find((p) => p.id === field.id);
    const value = form[field.id];
    const set = (next: string | boolean) => setForm({ ...form, [field.id]: next });
    const hint =
      field.type === 'bool' ? null : (
        <small className="muted" id={`${id}-hint`}>
          {problem ? (
            <span className="form-error">{t.problem(problem.kind)}</span>
          ) : (
            t.defaultIs(
              field.type === 'scope'
                ? t.scope(String(defaults[field.id]))
                : String(defaults[field.id] || '—'),
            )
          )}
        </small>
      );
    if (field.type === 'bool') {
      return (
        <label key={field.id} className="check">
          <input type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
          <span>{t.field(field.id)}</span>
        </label>
      );
    }
    return (
      <label key={field.id}>
        <span>{t.field(field.id)}</span>
        {field.type === 'scope' ? (
          <select
            value={String(value)}
            onChange={(e) => set(e.target.value)}
            aria-describedby={`${id}-hint`}
          >
            <option value="new_accounts">{t.scope('new_accounts')}</option>
            <option value="all_accounts">{t.scope('all_accounts')}</option>
          </select>
        ) : (
          <input
            inputMode="decimal"
            value={String(value)}
            onChange={(e) => set(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint`}
            data-testid={id}
          />
        )}
        {hint}
      </label>
    );
  };

  return (
    <section className="panel" id="thresholds" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">{t.thresholdsTitle}</h2>
      <form className="settings-form" onSubmit={submit}>
        {THRESHOLD_SECTIONS.map((section) => (
          <fieldset key={section.id} disabled={!canEdit} className="settings-form__group">
            <legend>{t.group(section.id)}</legend>
            {section.fields.map(input)}
          </fieldset>
        ))}
        {canEdit ? (
          <div className="settings-form__actions">
            <button
              type="submit"
              className="primary"
              disabled={update.isPending}
              data-testid="save-thresholds"
            >
              {update.isPending ? t.saving : t.save}
            </button>
            <SaveState mutation={update} />
          </div>
        ) : null}
      </form>
    </section>
  );
}
