/** "Add annotation" from a chart: a small form that posts to /annotations (leads and owners). */
import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useCreateAnnotation } from '../api/create-annotation';
import { annotationMessages } from '../messages';

export function AddAnnotation({ ws, defaultDate }: { ws: string; defaultDate: string }) {
  const t = useMessages(annotationMessages);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(defaultDate);
  const [text, setText] = useState('');
  const create = useCreateAnnotation(ws);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { date, text },
      {
        onSuccess: () => {
          setText('');
          setOpen(false);
        },
      },
    );
  }

  if (!open) {
    return (
      <button type="button" data-testid="add-annotation" onClick={() => setOpen(true)}>
        {t.add}
      </button>
    );
  }
  return (
    <form className="annotation-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="sr-only">
        {t.add}
      </span>
      <label>
        <span>{t.date}</span>
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        <span>{t.text}</span>
        <input
          type="text"
          required
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={create.isPending || text.trim() === ''}>
        {create.isPending ? t.saving : t.save}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t.cancel}
      </button>
      {create.isError ? (
        <span role="alert" className="form-error">
          {t.failed}
        </span>
      ) : null}
    </form>
  );
}
