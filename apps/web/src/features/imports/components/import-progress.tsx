/**
 * The running import's progress bar (rows, rows/s, phase, ETA), polled from GET …/imports/:id;
 * it outlives a reload because the id is kept by the page. When the import lands every query of
 * the workspace refetches, so the dashboard shows the new numbers.
 */
import { useQueryClient } from '@tanstack/react-query';
import { formatNumber } from '@yugang/metrics';
import { useEffect, useRef } from 'react';
import { ErrorState } from '../../../components/ui/status';
import { useLocale, useMessages } from '../../../lib/i18n';
import { useImport } from '../api/get-import';
import { importsMessages } from '../messages';
import { clock, progressView } from '../progress-view';
import { RowErrorsTable } from './row-errors-table';

export function ImportProgress({
  ws,
  id,
  onDismiss,
}: {
  ws: string;
  id: number;
  onDismiss: () => void;
}) {
  const t = useMessages(importsMessages);
  const { locale } = useLocale();
  const query = useImport(ws, id);
  const client = useQueryClient();
  const status = query.data?.import.status;
  const refreshed = useRef(false);

  useEffect(() => {
    if (status === 'succeeded' && !refreshed.current) {
      refreshed.current = true;
      void client.invalidateQueries({
        predicate: (q) => q.queryKey[1] === ws && q.queryKey[0] !== 'auth',
      });
    }
  }, [status, client, ws]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const record = query.data?.import;
  const running = !record || record.status === 'running';
  const view = progressView(
    record?.progress ?? {
      phase: running ? 'reading' : 'done',
      rowsRead: record?.rowsRead ?? 0,
      bytesRead: 0,
      totalBytes: 0,
      elapsedMs: 0,
    },
  );
  const percent = Math.round(view.share * 100);
  return (
    <section
      className="panel import-progress"
      aria-labelledby="import-progress-title"
      data-testid="import-progress"
      data-status={record?.status ?? 'running'}
    >
      <h2 id="import-progress-title">
        {t.progressTitle}
        {record ? (
          <span className="muted">
            {' '}
            · {record.fileName} · {t.kindName(record.kind)}
          </span>
        ) : null}
      </h2>
      {running ? (
        <>
          <progress
            max={100}
            value={percent}
            aria-label={t.progressLabel}
            data-testid="progress-bar"
          />
          <p className="import-progress__facts" aria-live="polite">
            <span data-testid="progress-phase">{t.phase(view.phase)}</span>
            <span>{t.rowsRead(formatNumber(view.rows, locale))}</span>
            {view.rowsPerSecond !== null ? (
              <span>{t.rowsPerSecond(formatNumber(Math.round(view.rowsPerSecond), locale))}</span>
            ) : null}
            {view.etaSeconds !== null ? <span>{t.eta(clock(view.etaSeconds))}</span> : null}
          </p>
        </>
      ) : record.status === 'succeeded' ? (
        <p role="status" className="import-progress__done" data-testid="import-done">
          {t.done(
            formatNumber(record.rowsRead, locale),
            formatNumber(record.rowsInserted, locale),
            formatNumber(record.rowsUpdated, locale),
          )}
        </p>
      ) : (
        <>
          <p role="alert" className="form-error">
            {t.importFailed} {record.message}
          </p>
          <RowErrorsTable
            ws={ws}
            importId={record.id}
            errors={record.errors}
            total={record.rowsRejected}
          />
        </>
      )}
      {!running ? (
        <button type="button" onClick={onDismiss}>
          {t.dismiss}
        </button>
      ) : null}
    </section>
  );
}
