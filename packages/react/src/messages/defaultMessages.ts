import { alertMessages } from './alertMessages.js';
import { coreMessages } from './coreMessages.js';
import { drawerMessages } from './drawerMessages.js';
import { exportMessages } from './exportMessages.js';
import { filterMessages } from './filterMessages.js';
import { liveTailMessages } from './liveTailMessages.js';
import type { Messages } from './Messages.js';
import { shortcutMessages } from './shortcutMessages.js';
import { verifyMessages } from './verifyMessages.js';
import { viewMessages } from './viewMessages.js';

/** Every group of default strings, by name: one per part (and the core ones the first paint needs). */
export const messageGroups = {
  coreMessages,
  filterMessages,
  drawerMessages,
  verifyMessages,
  exportMessages,
  alertMessages,
  viewMessages,
  shortcutMessages,
  liveTailMessages,
};

/**
 * Every default string in one object, for a host that lists or translates them all. The kit's
 * parts never read it — each reads its own group — so an app that does not import it does not
 * load every part's strings before the first paint (the call is pure for that reason).
 */
export const defaultMessages: Messages = /* @__PURE__ */ Object.assign(
  {},
  ...Object.values(messageGroups),
);
