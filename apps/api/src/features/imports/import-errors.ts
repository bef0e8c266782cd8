import type { ImportRowError } from '../../db/schema.js';
import { AppError } from '../../errors/app-error.js';

/**
 * A problem with the file as a whole (encoding, header, size, format): the import stops at once
 * and nothing is written. The code is stable for clients (e.g. `line_too_long`, `invalid_xlsx`).
 */
export class ImportFileError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly at: { line: number | null; column: string | null } = { line: null, column: null },
    status = 400,
  ) {
    super(status, code, message);
    this.name = 'ImportFileError';
  }
}

/** The import was cancelled or ran out of time. */
export class ImportAbortedError extends ImportFileError {}

/** How many row errors an import keeps (stored, downloadable); responses list the first 100. */
export const MAX_STORED_ERRORS = 1000;
export const MAX_LISTED_ERRORS = 100;

/** Keeps the first errors in line order of arrival and counts all of them. */
export class ErrorCollector {
  readonly kept: ImportRowError[] = [];
  total = 0;
  /** Rows with at least one error. */
  rows = 0;

  add(error: ImportRowError): void {
    this.total++;
    if (this.kept.length < MAX_STORED_ERRORS) this.kept.push(error);
  }
}

/** What importFailure reads of an ImportResult (not imported: imports.service imports this file). */
interface FinishedImport {
  status: string;
  code: string | null;
  message: string;
}

/** Rejected or failed imports answer with the error body; the import itself is in details. */
export function importFailure(result: FinishedImport): AppError {
  const status =
    result.status === 'failed'
      ? 500
      : result.code === 'rows_rejected' || result.code === 'constraint_violation'
        ? 422
        : result.code === 'import_aborted'
          ? 503
          : 400;
  return new AppError(status, result.code ?? 'import_rejected', result.message, {
    import: result,
  });
}
