/**
 * Column mapping for a file no preset knows: each column of the file with the field it lands in
 * (the server's suggestions first), tried on the preview and saved as a named template that the
 * upload (and `yg import --mapping`) can use.
 */
import type { ImportKindName } from '@yugang/contract';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useSaveMapping, type ImportPreview } from '../api/preview-import';
import { importsMessages } from '../messages';

export function MappingEditor({
  ws,
  kind,
  preview,
  onTry,
  onSaved,
}: {
  ws: string;
  kind: ImportKindName;
  preview: ImportPreview;
  onTry: (columns: Record<string, string>) => void;
  onSaved: (name: string) => void;
}) {
  const t = useMessages(importsMessages);
  const [columns, setColumns] = useState<Record<string, string>>(() =>
    Object.fromEntries(preview.columns.map((c) => [c.header, c.field ?? c.suggestions[0] ?? ''])),
  );
  const [name, setName] = useState('');
  const save = useSaveMapping(ws);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ name: name.trim(), kind, columns }, { onSuccess: () => onSaved(name.trim()) });
  }

  return (
    <details
      className="mapping-editor"
      data-testid="mapping-editor"
      open={preview.errors.length > 0}
    >
      <summary>{t.columnsTitle}</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.columnsTitle}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.fileColumn}</th>
              <th scope="col">{t.landsIn}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.header}>
                <td>{c.header}</td>
                <td>
                  <select
                    aria-label={`${t.landsIn} ${c.header}`}
                    value={columns[c.header] ?? ''}
                    onChange={(e) => setColumns({ ...columns, [c.header]: e.target.value })}
                  >
                    <option value="">{t.ignoreColumn}</option>
                    {preview.fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.name}
                        {f.required ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                  {c.field === null && c.suggestions.length > 0 ? (
                    <small className="muted"> {t.suggested(c.suggestions.join(', '))}</small>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="mapping-editor__actions" onSubmit={submit}>
        <button type="button" onClick={() => onTry(columns)}>
          {t.tryMapping}
        </button>
        <label>
          <span>{t.mappingName}</span>
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending || name.trim() === ''}>
          {t.saveMapping}
        </button>
        {save.isError ? (
          <span role="alert" className="form-error">
            {save.error.message}
          </span>
        ) : null}
        {save.isSuccess ? (
          <span role="status" className="note-ok">
            {t.mappingSaved(save.data.mapping.name)}
          </span>
        ) : null}
      </form>
    </details>
  );
}
