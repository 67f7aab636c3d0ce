/** Playwright `launchOptions` for the system Chromium (see chromium.mjs). */
export declare const chromiumLaunchOptions: { executablePath: string; args: string[] };
