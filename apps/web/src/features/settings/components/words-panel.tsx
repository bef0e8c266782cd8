/** Sensitive words the risk check looks for in messages (owners edit; the list is replaced whole). */
import type { SettingsView } from '@yugang/contract';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useUpdateSettings } from '../api/settings';
import { settingsMessages } from '../messages';
import { parseWords } from '../threshold-fields';
import { SaveState } from './save-state';

export function WordsPanel({
  ws,
  view,
  canEdit,
}: {
  ws: string;
  view: SettingsView;
  canEdit: boolean;
}) {
  const t = useMessages(settingsMessages);
  const [text, setText] = useState(view.settings.sensitiveWords.join('\n'));
  const update = useUpdateSettings(ws);
  const words = parseWords(text);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ settings: { sensitiveWords: words } });
  }

  return (
    <section className="panel" id="sensitive-words" aria-labelledby="words-title">
      <h2 id="words-title">{t.wordsTitle}</h2>
      <form className="settings-form" onSubmit={submit}>
        <label>
          <span>{t.wordsLabel}</span>
          <textarea
            rows={6}
            value={text}
            readOnly={!canEdit}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="words-count"
          />
          <small id="words-count" className="muted">
            {t.wordsCount(words.length)}
          </small>
        </label>
        {canEdit ? (
          <div className="settings-form__actions">
            <button
              type="submit"
              className="primary"
              disabled={update.isPending || words.length > 500}
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
