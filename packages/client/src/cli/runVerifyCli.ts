import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Checkpoint } from '../checkpoint/Checkpoint.js';
import { parseCheckpoint } from '../checkpoint/parseCheckpoint.js';
import { verifyExport } from '../offline/verifyExport.js';
import { formatReport } from './formatReport.js';

const USAGE = `Usage: immutable-verify FILE [--receipt R.json] [--json]

Verifies a JSON or NDJSON export of the Immutable audit log with no server: recomputes every
event's hash, checks every link of every chain, and compares the file with a receipt.

  FILE               the export (.json or .ndjson); - reads standard input
  --receipt R.json   a checkpoint receipt the file must be consistent with
  --json             print the report as JSON
  -h, --help         print this help

Exit codes: 0 valid (and consistent with the receipt), 1 broken or inconsistent,
2 unusable input or wrong arguments.`;

/** Where the command writes; a test passes its own. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

/** Runs `immutable-verify` with these arguments; resolves with the exit code. */
export async function runVerifyCli(
  argv: string[],
  out: CliOutput = processOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        receipt: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    out.stderr(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    const problem = positionals.length === 0 ? 'no FILE given' : 'give one FILE only';
    out.stderr(`error: ${problem}\n\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;

  let checkpoint: Checkpoint | null = null;
  if (values.receipt !== undefined) {
    try {
      checkpoint = parseCheckpoint(JSON.parse(fs.readFileSync(values.receipt, 'utf8')));
    } catch (error) {
      out.stderr(`error: receipt ${values.receipt}: ${(error as Error).message}`);
      return 2;
    }
  }

  // A 1 MiB read size: fewer, larger pieces cost less per byte than the default 64 KiB.
  const source =
    file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const started = performance.now();
  let report;
  try {
    report = await verifyExport(source, { checkpoint });
  } catch (error) {
    out.stderr(`error: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  } finally {
    if (source !== process.stdin) (source as fs.ReadStream).destroy();
  }
  const seconds = (performance.now() - started) / 1000;

  if (values.json) {
    const rate = seconds > 0 ? Math.round(report.events / seconds) : 0;
    out.stdout(
      JSON.stringify(
        {
          file: file === '-' ? file : path.resolve(file),
          ...report,
          seconds,
          events_per_second: rate,
        },
        null,
        2,
      ),
    );
  } else if (report.status === 'unusable') {
    out.stderr(formatReport(file, report, seconds));
  } else {
    out.stdout(formatReport(file, report, seconds));
  }
  return report.status === 'valid' ? 0 : report.status === 'broken' ? 1 : 2;
}
