import { forwardRef, useId, useMemo, useState, type ComponentPropsWithoutRef } from 'react';
import { cx } from '../cx.js';
import { useMessages } from '../messages/useMessages.js';
import { drawerMessages, type DrawerMessages } from '../messages/drawerMessages.js';
import { revealHidden } from '../revealHidden.js';

export interface JsonTreeProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The value to show, usually parsed JSON: an object, an array or a scalar. */
  data: unknown;
  /** The root's name in the paths that describe each toggle ("metadata.foo"). @default 'metadata' */
  rootName?: string;
  /** Nodes at this depth or deeper start collapsed; the root's own children are depth 1. @default 3 */
  expandDepth?: number;
  /** How many children of a node are shown at first, and added by each "Show more". @default 100 */
  pageSize?: number;
}

interface TreeSettings {
  expandDepth: number;
  pageSize: number;
  messages: DrawerMessages;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null;

/**
 * Reads an own property without ever touching the prototype chain or running a getter: a key such
 * as `__proto__` (which JSON.parse creates as an own property) is just data here.
 */
function readOwn(value: Container, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const childPath = (path: string, key: string, inArray: boolean) =>
  inArray
    ? `${path}[${key}]`
    : IDENTIFIER.test(key)
      ? `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`;

/** An absolute http(s) URL, normalised, or null: every other scheme (javascript:, data:, …) stays text. */
function safeHttpUrl(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    const href = safeHttpUrl(value);
    // JSON.stringify escapes controls (\u0000); the rest of what hides or reorders text shows too.
    const text = revealHidden(JSON.stringify(value));
    return href ? (
      <a
        className="imv-json-tree__value"
        data-type="url"
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
      >
        {text}
      </a>
    ) : (
      <span className="imv-json-tree__value" data-type="string">
        {text}
      </span>
    );
  }
  if (Array.isArray(value))
    return (
      <span className="imv-json-tree__value" data-type="array">
        []
      </span>
    );
  if (isContainer(value))
    return (
      <span className="imv-json-tree__value" data-type="object">
        {'{}'}
      </span>
    );
  const type = value === null ? 'null' : typeof value;
  return (
    <span className="imv-json-tree__value" data-type={type}>
      {value === undefined ? 'undefined' : String(value)}
    </span>
  );
}

const sizeOf = (value: Container) =>
  Array.isArray(value) ? value.length : Object.keys(value).length;

/** One key and its value; a non-empty object or array gets a disclosure button and renders its children only when expanded. */
function Node({
  name,
  path,
  value,
  depth,
  settings,
}: {
  name: string;
  path: string;
  value: unknown;
  depth: number;
  settings: TreeSettings;
}) {
  const [expanded, setExpanded] = useState(depth < settings.expandDepth);
  const pathId = useId();
  const { messages } = settings;
  const size = isContainer(value) ? sizeOf(value) : 0;
  if (!isContainer(value) || size === 0) {
    return (
      <li className="imv-json-tree__node" data-slot="json-node">
        <span className="imv-json-tree__key">{revealHidden(name)}</span>
        <span className="imv-json-tree__colon">: </span>
        <Scalar value={value} />
      </li>
    );
  }
  const inArray = Array.isArray(value);
  // Named by its visible text (WCAG 2.5.3), open/closed by aria-expanded, told apart by its path.
  return (
    <li
      className="imv-json-tree__node"
      data-slot="json-node"
      data-state={expanded ? 'open' : 'closed'}
    >
      <span id={pathId} hidden>
        {path}
      </span>
      <button
        type="button"
        className="imv-json-tree__toggle"
        data-slot="json-toggle"
        aria-expanded={expanded}
        aria-describedby={pathId}
        onClick={() => setExpanded((was) => !was)}
      >
        <span className="imv-json-tree__caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="imv-json-tree__key">{revealHidden(name)}</span>{' '}
        <span className="imv-json-tree__summary">
          {inArray ? `[${messages.jsonItems(size)}]` : `{${messages.jsonKeys(size)}}`}
        </span>
      </button>
      {expanded ? (
        <Children value={value} path={path} depth={depth + 1} settings={settings} />
      ) : null}
    </li>
  );
}

/** A node's children, a page at a time: 10,000 keys cost 100 DOM nodes until asked for more. */
function Children({
  value,
  path,
  depth,
  settings,
}: {
  value: Container;
  path: string;
  depth: number;
  settings: TreeSettings;
}) {
  const inArray = Array.isArray(value);
  // Object.keys: own enumerable keys only, `__proto__` included when JSON.parse made it one.
  const keys = useMemo(() => (Array.isArray(value) ? null : Object.keys(value)), [value]);
  const total = keys ? keys.length : (value as unknown[]).length;
  const [shown, setShown] = useState(settings.pageSize);
  const visible = Math.min(shown, total);
  const rest = total - visible;
  const nodes = [];
  for (let i = 0; i < visible; i++) {
    const key = keys ? keys[i]! : String(i);
    nodes.push(
      <Node
        key={key}
        name={key}
        path={childPath(path, key, inArray)}
        value={readOwn(value, key)}
        depth={depth}
        settings={settings}
      />,
    );
  }
  const more = Math.min(rest, settings.pageSize);
  return (
    <>
      <ul className="imv-json-tree__children" data-slot="json-children">
        {nodes}
      </ul>
      {rest > 0 ? (
        <button
          type="button"
          className="imv-button imv-json-tree__more"
          data-slot="json-more"
          aria-label={settings.messages.showMoreIn(more, path)}
          onClick={() => setShown((n) => n + settings.pageSize)}
        >
          {settings.messages.showMore(more)}
        </button>
      ) : null}
    </>
  );
}

/**
 * A collapsible, safe view of JSON: values render as text only, only http(s) strings become links
 * (rel="noopener noreferrer nofollow"), prototype-named keys are ordinary keys, and large or deep
 * values render lazily.
 * @example <JsonTree data={event.metadata} rootName="metadata" />
 */
export const JsonTree = forwardRef<HTMLDivElement, JsonTreeProps>(function JsonTree(
  { data, rootName = 'metadata', expandDepth = 3, pageSize = 100, className, ...rest },
  ref,
) {
  const messages = useMessages(drawerMessages);
  const settings = useMemo<TreeSettings>(
    () => ({ expandDepth, pageSize: Math.max(1, Math.floor(pageSize)), messages }),
    [expandDepth, pageSize, messages],
  );
  const empty = !isContainer(data) || sizeOf(data) === 0;
  return (
    <div
      ref={ref}
      className={cx('imv-json-tree', className)}
      data-slot="json-tree"
      data-state={empty ? 'empty' : 'filled'}
      {...rest}
    >
      {isContainer(data) && !empty ? (
        <Children value={data} path={rootName} depth={1} settings={settings} />
      ) : (
        <Scalar value={data} />
      )}
    </div>
  );
});
JsonTree.displayName = 'JsonTree';
