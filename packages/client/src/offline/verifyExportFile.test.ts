import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeEventHash } from '../computeEventHash.js';
import type { AuditEvent } from '@getimmutable/contract';
import type { ExportReport } from './ExportReport.js';
import { verifyExport } from './verifyExport.js';
import { verifyExportFile } from './verifyExportFile.js';
import type { VerifyReply, VerifyRequest } from './workerProtocol.js';

/** An NDJSON export of one valid chain of `count` events, newest first. */
function exportText(count: number): string {
  const lines: string[] = [];
  let previous: string | null = null;
  for (let sequence = 1; sequence <= count; sequence++) {
    const event: AuditEvent = {
      id: `evt_${sequence}`,
      tenant_id: null,
      actor_id: 'svc',
      actor_name: null,
      actor_type: null,
      action: 'job.ran',
      action_category: null,
      resource: null,
      resource_id: null,
      resource_name: null,
      targets: [],
      metadata: { padding: 'x'.repeat(500) },
      session_id: null,
      version: null,
      idempotency_key: null,
      context: null,
      created_at: '2026-03-01T00:00:00.000Z',
      integrity: { event_hash: '', previous_event_hash: previous, sequence },
    };
    previous = event.integrity.event_hash = computeEventHash(event);
    lines.unshift(JSON.stringify(event));
  }
  return lines.map((line) => `${line}\n`).join('');
}

interface FakeWorker {
  url: URL;
  options: WorkerOptions;
  terminated: boolean;
  reply(reply: VerifyReply): void;
  fail(message: string): void;
}

/** Stands in for a browser's Worker: `behave` decides what the "worker" answers to the request. */
function fakeWorker(behave: (worker: FakeWorker, request: VerifyRequest) => void) {
  const made: FakeWorker[] = [];
  class Fake implements FakeWorker {
    onmessage: ((event: MessageEvent<VerifyReply>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    terminated = false;
    constructor(
      readonly url: URL,
      readonly options: WorkerOptions,
    ) {
      made.push(this);
    }
    postMessage(request: VerifyRequest) {
      queueMicrotask(() => behave(this, request));
    }
    reply(reply: VerifyReply) {
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<VerifyReply>);
    }
    fail(message: string) {
      this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', Fake);
  return made;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const text = exportText(400);

describe('verifyExportFile', () => {
  it('checks on the main thread where there is no Worker, as verifyExport does', async () => {
    const progress: number[] = [];
    const report = await verifyExportFile(new Blob([text]), {
      onProgress: ({ bytes }) => progress.push(bytes),
    });
    expect(report).toEqual(await verifyExport([text]));
    expect(report).toMatchObject({ status: 'valid', events: 400 });
    expect(progress.length).toBeGreaterThan(0);
  });

  it('asks a module worker beside it, and resolves with its report', async () => {
    const expected = await verifyExport([text]);
    const workers = fakeWorker((worker, request) => {
      expect(request.file.size).toBe(text.length);
      worker.reply({ type: 'progress', bytes: 10, events: 1 });
      worker.reply({ type: 'done', report: expected });
    });
    const onProgress = vi.fn();
    const report: ExportReport = await verifyExportFile(new Blob([text]), { onProgress });
    expect(report).toBe(expected);
    expect(onProgress).toHaveBeenCalledWith({ bytes: 10, events: 1 });
    expect(workers[0]!.url.href).toMatch(/\/verifyExport\.worker\.js$/);
    expect(workers[0]!.options).toEqual({ type: 'module' });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('checks on the main thread when the worker fails to start', async () => {
    const workers = fakeWorker((worker) => worker.fail('404: verifyExport.worker.js'));
    const report = await verifyExportFile(new Blob([text]));
    expect(report).toMatchObject({ status: 'valid', events: 400 });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('rejects with what the worker says when it breaks down mid-way', async () => {
    fakeWorker((worker) => worker.reply({ type: 'failed', message: 'NotReadableError' }));
    await expect(verifyExportFile(new Blob([text]))).rejects.toThrow('NotReadableError');
  });

  it('ends the worker and rejects with the reason when aborted', async () => {
    const workers = fakeWorker(() => {}); // never answers
    const controller = new AbortController();
    const checking = verifyExportFile(new Blob([text]), { signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(checking).rejects.toThrow('user cancelled');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('stays on the main thread when asked, and stops there when aborted', async () => {
    const workers = fakeWorker(() => {});
    const controller = new AbortController();
    const checking = verifyExportFile(new Blob([text]), {
      where: 'main-thread',
      signal: controller.signal,
    });
    controller.abort();
    await expect(checking).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers).toEqual([]);
  });
});
