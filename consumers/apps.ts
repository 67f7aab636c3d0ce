/**
 * The consumer apps, each a fresh npm project outside the repository: which of our tarballs it
 * installs, and which public packages from the registry (exact versions known to work on Node 20).
 */
export type PackageName = 'client' | 'react' | 'emulator';

export interface ConsumerApp {
  /** Folder under consumers/templates/ copied into the app, or null for an empty folder. */
  template: string | null;
  tarballs: PackageName[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const viteApp = (
  react: string,
  types: { react: string; dom: string },
  reactQuery: string,
): ConsumerApp => ({
  template: 'vite',
  tarballs: ['client', 'react'],
  dependencies: { react, 'react-dom': react, '@tanstack/react-query': reactQuery },
  devDependencies: {
    vite: '8.3.8',
    '@vitejs/plugin-react': '6.3.0',
    typescript: '6.0.3',
    '@types/react': types.react,
    '@types/react-dom': types.dom,
  },
});

export const APPS = {
  /** Only the emulator's tarball: its bin must run on plain Node with nothing else. */
  emulator: { template: null, tarballs: ['emulator'], dependencies: {}, devDependencies: {} },
  // Both ends of the @tanstack/react-query peer range (^5.0.0): its first release (with React
  // 18), and the one the workspace develops on (with React 19).
  viteReact18: viteApp('18.3.1', { react: '18.3.32', dom: '18.3.7' }, '5.0.0'),
  viteReact19: viteApp('19.3.1', { react: '19.3.0', dom: '19.3.0' }, '5.108.0'),
  next: {
    template: 'next',
    tarballs: ['client', 'react'],
    dependencies: {
      next: '16.4.6',
      react: '19.3.1',
      'react-dom': '19.3.1',
      '@tanstack/react-query': '5.108.0',
    },
    devDependencies: {
      typescript: '6.0.3',
      '@types/node': '20.19.43',
      '@types/react': '19.3.0',
      '@types/react-dom': '19.3.0',
    },
  },
} satisfies Record<string, ConsumerApp>;

export type AppName = keyof typeof APPS;

/** What the global setup hands to the tests (through Vitest's `provide`). */
export interface ConsumerSetup {
  /** The temporary folder everything lives in, outside the repository. */
  workDir: string;
  tarballs: Record<PackageName, string>;
  /** Each app's installed folder. */
  apps: Record<AppName, string>;
  /** Seconds each step took, for the report. */
  timings: Record<string, number>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    consumers: ConsumerSetup;
  }
}
