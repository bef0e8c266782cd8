/** Import history: who, when, file, kind, rows and status, with the errors of each to download. */
import { formatNumber } from '@yugang/metrics';
import { Empty, ErrorState, Loading } from '../../../components/ui/status';
import { useLocale, useMessages } from '../../../lib/i18n';
import { errorDownloads } from '../api/get-import';
import { useImports, useMemberEmails } from '../api/list-imports';
import { useImportPresets } from '../api/preview-import';
import { importsMessages } from '../messages';

function localTime(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function ImportHistory({
  ws,
  myUserId,
  isOwner,
}: {
  ws: string;
  myUserId: number | null;
  isOwner: boolean;
}) {
  const t = useMessages(importsMessages);
  const { locale } = useLocale();
  const query = useImports(ws);
  const emails = useMemberEmails(ws, isOwner).data;
  const who = (userId: number) =>
    userId === myUserId ? t.me : (emails?.get(userId) ?? t.byUser(userId));
  const presets = useImportPresets(ws).data?.presets ?? [];
  const presetName = (name: string | null) => {
    if (name === null || name === 'none') return '';
    if (name.startsWith('mapping:')) return t.mappingOption(name.slice('mapping:'.length));
    const preset = presets.find((p) => p.name === name);
    return preset ? (locale === 'zh-CN' ? preset.label.zh : preset.label.en) : name;
  };
  return (
    <section className="panel" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title">{t.historyTitle}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.imports.length === 0 ? (
        <Empty>{t.noHistory}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.historyTitle}>
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.file}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.preset}</th>
                <th scope="col">{t.rows}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.errors}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.imports.map((row) => {
                const links = errorDownloads(ws, row.id, locale);
                return (
                  <tr key={row.id} data-testid={`import-${row.id}`}>
                    <td>{localTime(row.startedAt, locale)}</td>
                    <td>
                      {row.createdBy !== null
                        ? who(row.createdBy)
                        : row.apiKeyId !== null
                          ? t.byKey(row.apiKeyId)
                          : ''}
                    </td>
                    <td className="history-table__file">{row.fileName}</td>
                    <td>{t.kindName(row.kind)}</td>
                    <td>{presetName(row.preset)}</td>
                    <td>{formatNumber(row.rowsRead, locale)}</td>
                    <td>
                      <span className={`status status--${row.status}`}>
                        {t.statusName(row.status)}
                      </span>
                      {row.dryRun && row.status !== 'validated' ? (
                        <span className="muted"> · {t.dryRunTag}</span>
                      ) : null}
                    </td>
                    <td>
                      {row.rowsRejected > 0 || row.status === 'rejected' ? (
                        <span className="history-table__links">
                          {formatNumber(row.rowsRejected, locale)}{' '}
                          <a href={links.csv} download>
                            <span className="sr-only">{t.errorsOf(row.fileName)}</span>
                            {t.csv}
                          </a>{' '}
                          <a href={links.xlsx} download>
                            <span className="sr-only">{t.errorsOf(row.fileName)}</span>
                            {t.xlsx}
                          </a>
                        </span>
                      ) : (
                        '0'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
