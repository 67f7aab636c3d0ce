/**
 * Where export files live: a folder beside the database in Node (nodeExportFiles.ts), memory in
 * a browser (memoryExportFiles.ts). ExportJobs keeps each file's location in its row, decides
 * when files go, and never touches storage but through this.
 */
export interface ExportFileStore {
  /** The location of the file named `name` (what the exports table stores in `file`). */
  locate(name: string): string;
  /** Creates (or empties) the file at `location` for writing. */
  create(location: string): ExportFileWriter;
  /** The file's size in bytes and a body to send it with, or null when it is gone. */
  read(location: string): { size: number; body: BodyInit } | null;
  /** Deletes the file; one already gone is fine. */
  remove(location: string): void;
  /** Every file in the store, with when it was last written (the sweep of stray files). */
  list(): Array<{ name: string; location: string; modifiedMs: number }>;
}

export interface ExportFileWriter {
  write(text: string): void;
  /** Makes what was written durable (fsync in Node). */
  flush(): void;
  close(): void;
}
