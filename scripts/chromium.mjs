// How every Chromium in this repository is launched — Storybook's story tests, the demo's
// end-to-end tests and the benchmarks: Debian's system browser (test tools cannot download one
// here), headless-friendly flags, no background traffic that would add noise to measurements.

/** Playwright `launchOptions`. `CHROMIUM_PATH` points elsewhere when the browser lives elsewhere. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
