/**
 * The backup file (docs/adr/0017-backup-format.md): gzip'd lines. Line 1 is the header (JSON); then per table one
 * JSON line `{"table", "columns"}`, the table's rows in PostgreSQL's COPY text format (one row per line; newlines and
 * backslashes inside values are escaped by PostgreSQL), and the line `\.`; the last line is the trailer (JSON) with
 * the row count of every table, so a cut-off file is refused.
 */
export const BACKUP_FORMAT = 'jixiaotong-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Name of the newest applied migration when the backup was taken. */
  schemaVersion: string;
  createdAt: string;
  /** Set when the backup holds one tenant only. */
  tenant: { id: string; code: string; name: string } | null;
  tables: string[];
}

export interface TableHeader {
  table: string;
  columns: string[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}
