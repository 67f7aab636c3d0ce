// Every story: the package's stylesheet, a themed frame with a fresh viewer client
// (packages/react/stories/support/withViewer.tsx), the real emulator answering for the API in
// the page (MSW hands it every request: stories/support/handlers.ts), and axe as a test.
import '@getimmutable/react/styles.css';
import type { Preview } from '@storybook/react-vite';
import { isCommonAssetRequest } from 'msw';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { withServer } from '../packages/react/stories/support/handlers.js';
import {
  StoryFrame,
  type Theme,
  type ViewerParameters,
} from '../packages/react/stories/support/withViewer.js';

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({
        quiet: true,
        // A request to the story API without a handler is a bug in the story: say so loudly.
        onUnhandledRequest(request, print) {
          if (
            !isCommonAssetRequest(request) &&
            new URL(request.url).hostname === 'api.example.test'
          )
            print.error();
        },
      });
      return worker;
    }),
  ],
  // The default story server: the emulator with 600 seeded events over three tenants, made once
  // per page before the first story renders (so no story's first wait includes it); stories add
  // overrides (msw.use prepends, so a story's handlers win).
  beforeEach: withServer('seed'),
  decorators: [
    (Story, context) => (
      <StoryFrame
        storyId={context.id}
        theme={(context.globals.theme as Theme | undefined) ?? 'auto'}
        viewer={(context.parameters.viewer as ViewerParameters | undefined) ?? {}}
        fill={context.viewMode === 'story'}
      >
        <Story />
      </StoryFrame>
    ),
  ],
  globalTypes: {
    theme: {
      description: 'Colour theme (data-theme on the frame)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'auto', title: 'Auto (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto' },
  parameters: {
    layout: 'fullscreen',
    // Fail the story's test on any axe violation.
    a11y: { test: 'error' },
    // MSW handlers are per page: in docs, each story gets its own iframe (and so its own
    // handlers) instead of sharing the last story's.
    docs: { story: { inline: false, height: '360px' } },
  },
};

export default preview;
