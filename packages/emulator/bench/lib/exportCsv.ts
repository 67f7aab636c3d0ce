/** Bench part 4: a CSV export over HTTP. */
import { auth, getJson } from './http.js';
import { seconds } from './seconds.js';

interface ExportJob {
  id: string;
  status: string;
  download_url: string | null;
  events_count: number | null;
  error_message: string | null;
}

/** From POST to the last byte downloaded: what a person waiting for the file experiences. */
export async function exportCsv(url: string) {
  const t0 = performance.now();
  const created = await fetch(`${url}/api/v1/exports`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ format: 'csv' }),
  });
  let job = ((await created.json()) as { data: ExportJob }).data;
  let polls = 0;
  while (job.status === 'pending' || job.status === 'processing') {
    // A short poll interval keeps the polling from inflating the figure by much.
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = (await getJson<{ data: ExportJob }>(`${url}/api/v1/exports/${job.id}`)).data;
    polls++;
  }
  const processedS = seconds(t0);
  if (job.status !== 'completed' || !job.download_url) {
    return { status: job.status, error: job.error_message, seconds: seconds(t0) };
  }
  const file = await fetch(job.download_url);
  const text = await file.text();
  const s = seconds(t0);
  // Rows end in CRLF and no cell holds a line break (JSON cells are compact), so count CRLFs.
  const rows = text.split('\r\n').length - 2;
  return {
    status: job.status,
    events_count: job.events_count,
    rows,
    bytes: text.length,
    polls,
    processing_seconds: processedS,
    seconds: s,
  };
}
