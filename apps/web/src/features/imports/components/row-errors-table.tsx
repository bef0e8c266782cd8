/** Row problems (line, column, reason) in the user's language, with the full list to download. */
import { localizeRowReason } from '@yugang/contract';
import { useLocale, useMessages } from '../../../lib/i18n';
import { errorDownloads } from '../api/get-import';
import { importsMessages } from '../messages';

export interface RowError {
  line: number;
  column: string | null;
  reason: string;
}

export function RowErrorsTable({
  ws,
  importId,
  errors,
  total,
}: {
  ws: string;
  importId: number | null;
  errors: readonly RowError[];
  total: number;
}) {
  const t = useMessages(importsMessages);
  const { locale } = useLocale();
  if (errors.length === 0) return null;
  const links = importId !== null ? errorDownloads(ws, importId, locale) : null;
  return (
    <div className="row-errors" data-testid="row-errors">
      <h3>{t.errorsTitle}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.errorsTitle}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.column}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.line}-${e.column}-${i}`}>
                <td>{e.line}</td>
                <td>{e.column ?? ''}</td>
                <td className="row-errors__reason">{localizeRowReason(e.reason, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {total > errors.length ? t.moreErrors(errors.length, total) : null}{' '}
        {links ? (
          <>
            <a href={links.csv} download>
              {t.downloadErrorsCsv}
            </a>{' '}
            <a href={links.xlsx} download>
              {t.downloadErrorsXlsx}
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}
