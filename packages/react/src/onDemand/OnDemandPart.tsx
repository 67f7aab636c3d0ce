import { Suspense, useReducer, type ReactNode } from 'react';
import type { OnDemand } from './onDemand.js';
import { PartLoadFailed } from './PartLoadFailed.js';

export interface OnDemandPartProps<Module> {
  /** The part's code (see onDemand.ts). */
  part: OnDemand<Module>;
  /** The part, once its code is here. */
  render(module: Module): ReactNode;
  /** What shows while the code loads. @default nothing */
  fallback?: ReactNode;
  /** What the failure says, e.g. "The event's details could not load. Retry, or reload the page." */
  failure: string;
  /** `data-slot` of the failure's box, to tell the parts' failures apart. */
  failureSlot: string;
  /** Class of the failure's box beside its own: a popover's keeps it where the popover would be. */
  failureClassName?: string;
  /** For a part the user opened (a drawer, a panel): a Close button beside Retry closes it. */
  onClose?(): void;
  /** Moves focus to Retry when the failure shows, where the part would have taken focus. */
  focusOnFailure?: boolean;
}

/**
 * A part of the kit whose code loads on demand: the part once its code is here, `fallback`
 * while it loads, and if it cannot load (the network dropped, a deploy removed the file), a
 * message with Retry in its place, never an error thrown at the app.
 */
export function OnDemandPart<Module>({ fallback = null, ...props }: OnDemandPartProps<Module>) {
  return (
    <Suspense fallback={fallback}>
      <Loaded {...props} />
    </Suspense>
  );
}

function Loaded<Module>({
  part,
  render,
  failure,
  failureSlot,
  failureClassName,
  onClose,
  focusOnFailure,
}: Omit<OnDemandPartProps<Module>, 'fallback'>) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const loaded = part.read();
  if ('module' in loaded) return render(loaded.module);
  return (
    <PartLoadFailed
      message={failure}
      error={loaded.error}
      slot={failureSlot}
      className={failureClassName}
      // Renders again once the load has settled (the part, or this message again), not at the
      // click: rendered then, the part suspends on a load in flight inside the click's update,
      // which React's `act` (a host app's tests) retries in a loop until the load settles — and
      // a load that needs a task to settle never does (seen: a test's worker stuck at 100% CPU).
      onRetry={() => void part.load().then(rerender, rerender)}
      onClose={onClose}
      takeFocus={focusOnFailure}
    />
  );
}
