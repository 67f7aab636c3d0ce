import type {
  Alert,
  AuditEvent,
  DataResponse,
  ExportJob,
  Page,
  VerifyResult,
  ViewerToken,
} from '@getimmutable/contract';
import { HASH_FORM } from './hashForm.js';
import { isRecord } from '@getimmutable/contract';

/**
 * Run-time checks of response bodies. A shape returns a sentence naming the first problem
 * (`data[3].integrity.sequence must be an integer`), or undefined when the value fits. Unknown
 * keys are allowed, so a server that adds fields does not break older clients.
 */
export type Shape<T> = ((value: unknown, path: string) => string | undefined) & {
  readonly __type?: T;
};

const is =
  <T>(test: (v: unknown) => boolean, what: string): Shape<T> =>
  (v, path) =>
    test(v) ? undefined : `${path} must be ${what}`;

const string = is<string>((v) => typeof v === 'string', 'a string');
const integer = is<number>((v) => Number.isSafeInteger(v), 'an integer');
const boolean = is<boolean>((v) => typeof v === 'boolean', 'a boolean');
const record = is<Record<string, unknown>>(isRecord, 'an object');
const hash = is<string>(
  (v) => typeof v === 'string' && HASH_FORM.test(v),
  '64 lowercase hex digits',
);
const httpUrl = is<string>(
  (v) => typeof v === 'string' && /^https?:\/\//i.test(v),
  'an http(s) URL',
);

const oneOf = <T extends string>(...values: T[]): Shape<T> =>
  is<T>((v) => values.includes(v as T), `one of ${values.join(', ')}`);

const nullable =
  <T>(shape: Shape<T>): Shape<T | null> =>
  (v, path) =>
    v === null ? undefined : shape(v, path);

export const array =
  <T>(shape: Shape<T>): Shape<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) return `${path} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const problem = shape(v[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };

const object =
  <T>(fields: { [K in keyof T]-?: Shape<T[K]> }): Shape<T> =>
  (v, path) => {
    if (!isRecord(v)) return `${path} must be an object`;
    for (const key in fields) {
      const problem = fields[key](v[key], path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
    return undefined;
  };

const ns = nullable(string);

export const eventShape: Shape<AuditEvent> = object<AuditEvent>({
  id: string,
  tenant_id: ns,
  actor_id: string,
  actor_name: ns,
  actor_type: ns,
  action: string,
  action_category: ns,
  resource: ns,
  resource_id: ns,
  resource_name: ns,
  targets: array(object({ type: string, id: ns, name: ns, metadata: nullable(record) })),
  metadata: record,
  session_id: ns,
  version: nullable(integer),
  idempotency_key: ns,
  context: nullable(object({ ip_address: ns, user_agent: ns, country: ns })),
  created_at: string,
  integrity: object({ event_hash: hash, previous_event_hash: nullable(hash), sequence: integer }),
});

export const pageShape = <T>(item: Shape<T>): Shape<Page<T>> =>
  object<Page<T>>({
    data: array(item),
    pagination: object({ has_more: boolean, next_cursor: ns }),
  });

export const dataShape = <T>(item: Shape<T>): Shape<DataResponse<T>> =>
  object<DataResponse<T>>({ data: item });

const exportFields: Shape<ExportJob> = object<ExportJob>({
  id: string,
  status: oneOf('pending', 'processing', 'completed', 'failed'),
  format: string as Shape<ExportJob['format']>,
  events_count: nullable(integer),
  events_processed: integer,
  download_url: nullable(httpUrl),
  error_message: ns,
  created_at: string,
  completed_at: ns,
  expires_at: ns,
});

/** An export's fields, and a download URL once it is completed. */
export const exportShape: Shape<ExportJob> = (v, path) =>
  exportFields(v, path) ??
  ((v as ExportJob).status === 'completed' && (v as ExportJob).download_url === null
    ? `${path}.download_url must be a URL when the export is completed`
    : undefined);

export const alertShape: Shape<Alert> = object<Alert>({
  id: string,
  rule_type: string as Shape<Alert['rule_type']>,
  reason: string,
  severity: string as Shape<Alert['severity']>,
  event_id: string,
  actor_id: string,
  tenant_id: ns,
  created_at: string,
});

export const verifyShape: Shape<VerifyResult> = object<VerifyResult>({
  valid: boolean,
  events_checked: integer,
  complete: boolean,
  next_cursor: ns,
  breaks: array(
    object({
      type: string as Shape<VerifyResult['breaks'][number]['type']>,
      event_id: ns,
      sequence: integer,
      expected: ns,
      actual: ns,
    }),
  ),
  head: nullable(object({ sequence: integer, event_hash: hash })),
  verified_at: string,
});

export const viewerTokenShape: Shape<ViewerToken> = object<ViewerToken>({
  token: string,
  expires_at: integer,
});
