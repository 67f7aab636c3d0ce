/**
 * Once per run: build and pack the three packages, then create and npm-install every consumer
 * app (in parallel) in a temporary folder outside the repository. The tests get the folders
 * through `inject('consumers')`. IMV_KEEP_CONSUMERS=1 keeps the folder for a look afterwards;
 * IMV_REUSE_CONSUMERS=<that folder> runs the tests again on it without packing or installing
 * (for working on the tests themselves: it does not test your latest build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { APPS, type AppName, type ConsumerSetup } from './apps.js';
import { installApp } from './lib/installApp.js';
import { packTarballs, repoRoot } from './lib/packTarballs.js';

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

export default async function setup(project: TestProject) {
  const reuse = process.env.IMV_REUSE_CONSUMERS;
  if (reuse) {
    const { tarballs, apps } = JSON.parse(fs.readFileSync(path.join(reuse, 'setup.json'), 'utf8'));
    project.provide('consumers', { workDir: reuse, tarballs, apps, timings: {} });
    return;
  }
  const workDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imv-consumers-')));
  if (!path.relative(repoRoot, workDir).startsWith('..')) {
    throw new Error(`The consumer apps must live outside the repository, not in ${workDir}.`);
  }
  const timings: Record<string, number> = {};
  let started = performance.now();
  const tarballs = await packTarballs(path.join(workDir, 'tarballs'));
  timings['build and pack'] = seconds(started);

  started = performance.now();
  const apps = {} as Record<AppName, string>;
  await Promise.all(
    (Object.keys(APPS) as AppName[]).map(async (name) => {
      const began = performance.now();
      apps[name] = path.join(workDir, name);
      await installApp(name, APPS[name], apps[name], tarballs);
      timings[`npm install ${name}`] = seconds(began);
    }),
  );
  timings['all installs (parallel)'] = seconds(started);
  console.log(`[consumers] in ${workDir}: ${JSON.stringify(timings)}`);

  const provided: ConsumerSetup = { workDir, tarballs, apps, timings };
  fs.writeFileSync(path.join(workDir, 'setup.json'), JSON.stringify(provided, null, 2));
  project.provide('consumers', provided);
  return () => {
    if (!process.env.IMV_KEEP_CONSUMERS) fs.rmSync(workDir, { recursive: true, force: true });
  };
}
