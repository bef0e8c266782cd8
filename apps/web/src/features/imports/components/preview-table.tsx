/** The first rows as they will land: one column per field the file fills, headed by the file's own column. */
import { useLocale, useMessages } from '../../../lib/i18n';
import type { ImportPreview } from '../api/preview-import';
import { importsMessages } from '../messages';

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useMessages(importsMessages);
  const { locale } = useLocale();
  const fields = preview.fields.filter((f) => f.present);
  const headerOf = (field: string) =>
    preview.columns.find((c) => c.field === field)?.header ?? field;
  return (
    <div className="upload-card__preview" data-testid="preview">
      <h3>{t.previewTitle}</h3>
      <p className="muted">{t.previewRowsNote(preview.rows.length, preview.headerLine)}</p>
      {preview.skipped.map((s) => (
        <p className="muted" key={s.code} data-testid={`skipped-${s.code}`}>
          {t.skipped(s.rows, locale === 'zh-CN' ? s.reasonZh : s.reason)}
        </p>
      ))}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.previewTitle}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              {fields.map((f) => (
                <th scope="col" key={f.name}>
                  {headerOf(f.name)}
                  <span className="field-name">{f.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                {fields.map((f) => (
                  <td key={f.name}>{cell(row.values[f.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
