/**
 * Upload, step by step: drop a file (or pick it with the keyboard); the server's preview says
 * which kind and platform layout it is and shows its first rows as they will land (the lead can
 * pick another kind, layout or saved mapping, or map the columns and save the mapping); a dry run
 * lists row errors in the user's language; then the import runs in the background and its id goes
 * to `onStarted` for the progress bar. If the server cannot preview the file, its first rows as
 * read in the browser are shown instead.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { IMPORT_KINDS, type ImportKindName } from '@yugang/contract';
import { formatNumber } from '@yugang/metrics';
import { useId, useState, type DragEvent } from 'react';
import { useLocale, useMessages } from '../../../lib/i18n';
import {
  previewImport,
  useImportMappings,
  useImportPresets,
  type ReadChoice,
} from '../api/preview-import';
import { uploadImport, UploadError, type ImportResult } from '../api/upload-import';
import { previewCsv, type CsvPreview } from '../csv-preview';
import { detectKind, LOAD_ORDER } from '../kinds';
import { importsMessages } from '../messages';
import { MappingEditor } from './mapping-editor';
import { PreviewTable } from './preview-table';
import { RowErrorsTable } from './row-errors-table';

const PREVIEW_BYTES = 64 * 1024;

interface Picked {
  id: number;
  file: File;
  /** The start of a CSV as read here, for when the server cannot preview it. */
  local: CsvPreview | null;
}

let picks = 0;

async function readPicked(file: File): Promise<Picked> {
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  const local = isZip ? null : previewCsv(head, file.size <= PREVIEW_BYTES);
  picks += 1;
  return { id: picks, file, local };
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
  const [choice, setChoice] = useState<ReadChoice>({});
  const presets = useImportPresets(ws);
  const mappings = useImportMappings(ws);
  const preview = useQuery({
    queryKey: ['import-preview', ws, picked?.id, choice],
    queryFn: () => previewImport(ws, picked!.file, choice),
    enabled: picked !== null,
    staleTime: Infinity,
    retry: false,
  });
  const localKind = picked?.local ? detectKind(picked.local.header, picked.file.name) : null;
  const kind: ImportKindName = preview.data?.kind ?? choice.kind ?? localKind ?? 'orders';
  const layout = choice.mapping
    ? `mapping:${choice.mapping}`
    : (choice.preset ?? (preview.data?.preset && !choice.kind ? preview.data.preset : ''));
  const read = {
    preset: choice.mapping ? undefined : (choice.preset ?? preview.data?.preset ?? undefined),
    mapping: choice.mapping,
  };
  const [dragging, setDragging] = useState(false);
  const [sent, setSent] = useState<number | null>(null);

  const dryRun = useMutation<ImportResult, UploadError>({
    mutationFn: async () => {
      const answer = await uploadImport({ ws, kind, file: picked!.file, dryRun: true, ...read });
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
        ...read,
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
    setChoice({});
    setPicked(await readPicked(file));
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  }

  const failure = dryRun.error ?? start.error;
  const verdict = dryRun.data ?? failure?.result ?? null;
  const busy = dryRun.isPending || start.isPending;
  const unsaved = choice.columns !== undefined;

  function readWith(next: ReadChoice) {
    dryRun.reset();
    start.reset();
    setChoice(next);
  }

  function chooseLayout(value: string) {
    if (value.startsWith('mapping:')) readWith({ kind, mapping: value.slice('mapping:'.length) });
    else readWith({ kind, preset: value || undefined });
  }

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
              onChange={(e) => readWith({ kind: e.target.value as ImportKindName })}
            >
              {[...LOAD_ORDER, ...IMPORT_KINDS.filter((k) => !LOAD_ORDER.includes(k))].map((k) => (
                <option key={k} value={k}>
                  {t.kindName(k)}
                </option>
              ))}
            </select>
          </label>
          <label className="select-label">
            <span>{t.preset}</span>
            <select
              value={layout}
              data-testid="preset-select"
              disabled={busy}
              onChange={(e) => chooseLayout(e.target.value)}
            >
              <option value="">{t.presetAuto}</option>
              <option value="none">{t.presetNone}</option>
              {(presets.data?.presets ?? [])
                .filter((p) => p.kind === kind)
                .map((p) => (
                  <option key={p.name} value={p.name}>
                    {locale === 'zh-CN' ? p.label.zh : p.label.en}
                  </option>
                ))}
              {(mappings.data?.mappings ?? [])
                .filter((m) => m.kind === kind)
                .map((m) => (
                  <option key={m.name} value={`mapping:${m.name}`}>
                    {t.mappingOption(m.name)}
                  </option>
                ))}
            </select>
          </label>
          <p className="muted" data-testid="detected-kind">
            {preview.data?.kind
              ? t.detected(t.kindName(preview.data.kind))
              : preview.isPending
                ? t.previewLoading
                : localKind
                  ? t.detected(t.kindName(localKind))
                  : t.notDetected}
          </p>
          {preview.data?.presetLabel ? (
            <p className="muted" data-testid="detected-preset">
              {t.presetDetected(
                locale === 'zh-CN' ? preview.data.presetLabel.zh : preview.data.presetLabel.en,
              )}
            </p>
          ) : null}
          {preview.data ? (
            <>
              <PreviewTable preview={preview.data} />
              {preview.data.errors.length > 0 ? (
                <RowErrorsTable
                  ws={ws}
                  importId={null}
                  errors={preview.data.errors}
                  total={preview.data.errors.length}
                />
              ) : null}
              <MappingEditor
                key={`${picked.id}-${kind}-${layout}`}
                ws={ws}
                kind={kind}
                preview={preview.data}
                onTry={(columns) => readWith({ kind, columns })}
                onSaved={(name) => readWith({ kind, mapping: name })}
              />
              {unsaved ? <p className="muted">{t.saveMappingFirst}</p> : null}
            </>
          ) : picked.local ? (
            <div className="upload-card__preview" data-testid="local-preview">
              <h3>
                {t.previewTitle}{' '}
                <span className="muted">{t.previewEncoding(picked.local.encoding)}</span>
              </h3>
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t.previewTitle}>
                <table>
                  <thead>
                    <tr>
                      {picked.local.header.map((h, i) => (
                        <th scope="col" key={`${h}-${i}`}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {picked.local.rows.map((row, r) => (
                      <tr key={r}>
                        {picked.local!.header.map((_, c) => (
                          <td key={c}>{row[c] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : preview.isPending ? null : (
            <p className="muted">{t.previewXlsx}</p>
          )}
          {preview.isError ? (
            <p role="alert" className="form-error">
              {preview.error instanceof UploadError
                ? t.fileProblem(preview.error.code, preview.error.message)
                : String(preview.error)}
            </p>
          ) : null}
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
              disabled={busy || unsaved || (verdict !== null && verdict.status !== 'validated')}
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
