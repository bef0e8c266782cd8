/** Limits on what one import may read. Each breach is a clear error with its own code. */
export interface ImportLimits {
  /** Longest line (or quoted record) in a CSV, in characters: `line_too_long`. */
  maxLineChars: number;
  /** Total uncompressed bytes an XLSX may inflate to: `xlsx_too_large`. */
  maxXlsxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of an XLSX part above 1 MB: `xlsx_bomb`. */
  maxXlsxRatio: number;
  /** Text held for an XLSX's shared strings (kept in memory): `xlsx_too_large`. */
  maxSharedStringsChars: number;
  /** Columns in a row: `too_many_columns`. */
  maxColumns: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxLineChars: 64 * 1024,
  maxXlsxUncompressedBytes: 2 * 1024 ** 3,
  maxXlsxRatio: 200,
  maxSharedStringsChars: 64 * 1024 ** 2,
  maxColumns: 200,
};
