/**
 * Thrown inside the offline verifier when the file cannot be read as an export; verifyExport
 * turns it into the report's `problem`, naming the line or index. Not exported from the package.
 */
export class UnusableInput extends Error {
  /**
   * @param reason what is wrong, without the position (`duplicate key "action" in event`)
   * @param position the NDJSON line (from 1) or JSON array index (from 0) where it is
   */
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(reason);
    this.name = 'UnusableInput';
  }
}
