#!/usr/bin/env node
/** The `immutable-verify` command: verify an export offline (see runVerifyCli for the options). */
import { runVerifyCli } from './runVerifyCli.js';

process.exitCode = await runVerifyCli(process.argv.slice(2));
