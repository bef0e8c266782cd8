/**
 * Upload, step by step: drop a file (or pick it with the keyboard), see the kind it was
 * recognised as and its first rows, run a dry run that lists row errors in the user's language,
 * then import. The import runs in the background; its id goes to `onStarted` for the progress bar.
 */
import { useMutation } from '@tanstack/react-query';
import { IMPORT_KINDS, type ImportKindName } from '@yugang/contract';
import { formatNumber } from '@yugang/metrics';
import { useId, useState, type DragEvent } from 'react';
import { useLocale, useMessages } from '../../../lib/i18n';
import { uploadImport, UploadError, type ImportResult } from '../api/upload-import';
import { previewCsv, type CsvPreview } from '../csv-preview';
import { detectKind, LOAD_ORDER } from '../kinds';
import { importsMessages } from '../messages';
import { RowErrorsTable } from './row-errors-table';

const PREVIEW_BYTES = 64 * 1024;

interface Picked {
  file: File;
  preview: CsvPreview | null;
  detected: ImportKindName | null;
}

async function readPicked(file: File): Promise<Picked> {
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  const preview = isZip ? null : previewCsv(head, file.size <= PREVIEW_BYTES);
  return { file, preview, detected: detectKind(preview?.header ?? [], file.name) };
}

function fileSize(bytes: number, locale: 'zh-CN' | 'en'): string {
  if (bytes < 1024 * 1024)
    return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
  return `${formatNumber(Math.round(bytes / 1024 / 102.4) / 10, locale)} MB`;
}

export function UploadCard({ ws, onStarted }: { ws: string; onStarted: (id: number) => void }) {
  const t = useMessages(importsMessages);
  const { locale } = useLocale();
  const id = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [kind, setKind] = useState<ImportKindName>('orders');
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState<number | null>(null);

  const dryRun = useMutation<ImportResult, UploadError>({
    mutationFn: async () => {
      const answer = await uploadImport({ ws, kind, file: picked!.file, dryRun: true });
      if (answer.kind !== 'finished') throw new UploadError(0, 'unexpected', 'no verdict', null);
      return answer.result;
    },
  });
  const start = useMutation<number, UploadError>({
    mutationFn: async () => {
      const answer = await uploadImport({
        ws,
        kind,
        file: picked!.file,
        dryRun: false,
        onProgress: (loaded) => setSent(loaded),
      });
      return answer.kind === 'started' ? answer.id : answer.result.id;
    },
    onSuccess: (importId) => {
      setPicked(null);
      setSent(null);
      dryRun.reset();
      onStarted(importId);
    },
    onError: () => setSent(null),
  });

  async function choose(file: File | undefined) {
    if (!file) return;
    dryRun.reset();
    start.reset();
    const next = await readPicked(file);
    setPicked(next);
    if (next.detected) setKind(next.detected);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  }

  const failure = dryRun.error ?? start.error;
  const verdict = dryRun.data ?? failure?.result ?? null;
  const busy = dryRun.isPending || start.isPending;

  return (
    <section
      className="panel upload-card"
      aria-labelledby={`${id}-title`}
      data-testid="upload-card"
    >
      <h2 id={`${id}-title`}>{t.uploadTitle}</h2>
      {!picked ? (
        <div
          className={`drop-zone ${dragging ? 'drop-zone--over' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <p className="drop-zone__hint">{t.dropHere}</p>
          <p className="muted">{t.or}</p>
          {/* The native input stays focusable but unseen: its button text would follow the browser's language, not ours. */}
          <label className="file-picker">
            <input
              type="file"
              className="file-picker__input"
              data-testid="file-input"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
            <span className="file-picker__button">{t.choose}</span>
            <span className="muted">{t.fileLabel}</span>
          </label>
        </div>
      ) : (
        <div className="upload-card__picked">
          <p data-testid="picked-file">
            {t.selected(picked.file.name, fileSize(picked.file.size, locale))}
          </p>
          <label className="select-label">
            <span>{t.kind}</span>
            <select
              value={kind}
              data-testid="kind-select"
              disabled={busy}
              onChange={(e) => {
                setKind(e.target.value as ImportKindName);
                dryRun.reset();
              }}
            >
              {[...LOAD_ORDER, ...IMPORT_KINDS.filter((k) => !LOAD_ORDER.includes(k))].map((k) => (
                <option key={k} value={k}>
                  {t.kindName(k)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted" data-testid="detected-kind">
            {picked.detected ? t.detected(t.kindName(picked.detected)) : t.notDetected}
          </p>
          {picked.preview ? (
            <div className="upload-card__preview" data-testid="preview">
              <h3>
                {t.previewTitle}{' '}
                <span className="muted">{t.previewEncoding(picked.preview.encoding)}</span>
              </h3>
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {picked.preview.header.map((h, i) => (
                        <th scope="col" key={`${h}-${i}`}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {picked.preview.rows.map((row, r) => (
                      <tr key={r}>
                        {picked.preview!.header.map((_, c) => (
                          <td key={c}>{row[c] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : (
            <p className="muted">{t.previewXlsx}</p>
          )}
          <div className="upload-card__actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => dryRun.mutate()}
              data-testid="dry-run"
            >
              {dryRun.isPending ? t.dryRunning : t.dryRun}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || (verdict !== null && verdict.status !== 'validated')}
              onClick={() => start.mutate()}
              data-testid="run-import"
            >
              {t.runImport}
            </button>
            <button type="button" disabled={busy} onClick={() => setPicked(null)}>
              {t.cancel}
            </button>
          </div>
          {sent !== null ? (
            <p className="upload-card__sending">
              <progress
                max={picked.file.size || 1}
                value={sent}
                aria-label={t.phase('uploading')}
              />{' '}
              {t.phase('uploading')}
            </p>
          ) : null}
          {verdict?.status === 'validated' ? (
            <p role="status" className="note-ok" data-testid="dry-run-ok">
              {t.dryRunOk(verdict.rowsRead)}
            </p>
          ) : null}
          {verdict && verdict.ignoredColumns.length > 0 ? (
            <p className="muted">{t.ignoredColumns(verdict.ignoredColumns.join('、'))}</p>
          ) : null}
          {failure ? (
            <div role="alert" className="form-error" data-testid="upload-problem">
              <p>
                {verdict && verdict.errorCount > 0
                  ? t.dryRunFailed(verdict.errorCount, verdict.rowsRead)
                  : failure.status === 0
                    ? t.uploadFailed(failure.message)
                    : t.fileProblem(failure.code, failure.message)}
              </p>
              {verdict && verdict.errorCount === 0 && failure.message ? (
                <p className="muted">{failure.message}</p>
              ) : null}
            </div>
          ) : null}
          {verdict ? (
            <RowErrorsTable
              ws={ws}
              importId={verdict.id}
              errors={verdict.errors}
              total={verdict.errorCount}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}
