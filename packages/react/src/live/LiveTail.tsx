import { LiveTailNotice } from './LiveTailNotice.js';
import { useLiveRows, type LiveRowsOptions } from './useLiveRows.js';

/**
 * The table's live tail as one part: it watches for newer events and says how many arrived,
 * with Show to insert them (useLiveRows, LiveTailNotice). A part of its own so that its code
 * loads on demand, only for a table with `live` on: without it, a mount neither loads nor runs
 * the watch's query observer.
 */
export function LiveTail(props: LiveRowsOptions) {
  const { tail, showNew } = useLiveRows(props);
  return <LiveTailNotice live={tail} onShow={showNew} />;
}
