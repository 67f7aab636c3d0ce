#!/usr/bin/env node
// `pnpm test`: typecheck, lint and every test suite, then one line `N passed, M failed`
// totalling all of them (a check such as typecheck counts as one test).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let passed = 0;
let failed = 0;
const failures = [];

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

/** Runs a Vitest invocation with a JSON report and adds its test counts. */
function vitest(title, args) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imv-test-')), 'report.json');
  const ok = run(title, 'pnpm', [
    'exec',
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let counted = false;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    counted = true;
    // A suite that failed to load has no tests to count but must still fail the run.
    const broken = (json.testResults ?? []).filter(
      (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
    );
    if (broken.length > 0) {
      failed += broken.length;
      failures.push(
        ...broken.map((r) => `${title}: ${path.relative(process.cwd(), r.name)} failed to run`),
      );
    }
    if ((json.numFailedTests ?? 0) > 0) failures.push(`${title}: ${json.numFailedTests} failed`);
  }
  if (!ok && !counted) {
    failed++;
    failures.push(`${title}: did not run`);
  }
}

/** Runs the Playwright end-to-end suite with a JSON report and adds its counts. */
function playwright(title, filter) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'imv-e2e-')), 'e2e.json');
  const ok = run(title, 'pnpm', ['--filter', filter, 'run', 'e2e'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (!fs.existsSync(report)) {
    failed++;
    failures.push(`${title}: did not run`);
    return;
  }
  const { stats } = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  if ((stats.unexpected ?? 0) > 0) failures.push(`${title}: ${stats.unexpected} failed`);
  else if (!ok) {
    failed++;
    failures.push(`${title}: exited with an error`);
  }
}

check('typecheck', 'pnpm', ['run', '--silent', 'typecheck']);
check('lint', 'pnpm', ['run', '--silent', 'lint']);
check('formatting (prettier --check)', 'pnpm', [
  'exec',
  'prettier',
  '--check',
  '--log-level',
  'warn',
  '.',
]);
check('unused files, exports and dependencies (knip)', 'pnpm', ['exec', 'knip']);
check('size limits (size-limit: .size-limit.mjs)', 'pnpm', ['exec', 'size-limit']);
vitest('unit and integration tests', []);
if (fs.existsSync('vitest.storybook.config.ts')) {
  vitest('Storybook stories in Chromium', ['--config', 'vitest.storybook.config.ts']);
}
// The static Storybook, served by a plain file server with no API anywhere: every story's data
// comes from the emulator running in the page (SQLite in WebAssembly).
check('static Storybook build, checked in Chromium with no server', 'sh', [
  '-c',
  'pnpm --silent build-storybook --quiet && node .storybook/check-static-build.mjs storybook-static',
]);
if (fs.existsSync('apps/demo/playwright.config.ts')) {
  playwright('end-to-end tests of the demo in Chromium', '@getimmutable/demo');
}

// Last: pack the packages and prove them in fresh apps outside the repository (minutes).
vitest('packed tarballs and consumer apps (Vite, Next.js, TypeScript, the emulator bin)', [
  '--config',
  'consumers/vitest.config.ts',
]);

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
const summary = `${passed} passed, ${failed} failed`;
fs.mkdirSync('test-results', { recursive: true });
fs.writeFileSync('test-results/summary.txt', summary + '\n');
console.log(`\n${summary}`);
process.exit(failed > 0 ? 1 : 0);
