/**
 * Story data that stresses the kit: metadata deep and long enough to page and collapse, and text
 * a hostile (or just right-to-left) writer could send. Written into the story servers through
 * the emulator's ingest (fixtures.ts), so it is what the API would store and return.
 */
import type { AuditEvent } from '@getimmutable/client';

/** Metadata that stresses the JSON tree: deep nesting, long arrays, long strings, URLs and odd keys. */
export function longMetadata(): Record<string, unknown> {
  let deep: Record<string, unknown> = { leaf: 'the bottom, 12 levels down' };
  for (let level = 11; level >= 1; level--)
    deep = { [`level_${level}`]: deep, note: `level ${level}` };
  return {
    request: {
      method: 'PATCH',
      url: 'https://app.example.com/api/documents/doc_q4_report?include=revisions&expand=owner',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req_7f3a9c2e1b',
        'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)',
      },
    },
    diff: Array.from({ length: 150 }, (_, i) => ({
      path: `/sections/${i}/paragraphs/${i % 7}`,
      op: i % 3 === 0 ? 'replace' : i % 3 === 1 ? 'add' : 'remove',
      words: (i * 37) % 400,
    })),
    summary:
      'Rewrote the executive summary, moved the regional breakdown into an appendix, replaced every chart in section 4 with the audited figures from finance, and added a long footnote about the currency conversion method used for the EMEA numbers. '.repeat(
        4,
      ),
    nested: deep,
    // JSON.parse makes `__proto__` an own key (plain data), as it arrives over the wire.
    ...(JSON.parse('{"__proto__": "just data", "key with spaces": true}') as Record<
      string,
      unknown
    >),
    empty_object: {},
    empty_array: [],
    nothing: null,
    ratio: 0.000_000_1,
  };
}

const RLO = '\u202E';
const RLI = '\u2067';
const PDI = '\u2069';

/**
 * Fields a hostile (or just right-to-left) writer could send, newest first: an override that makes
 * "nimda" read "admin" and a file name end in ".pdf", a Hebrew name beside Latin ids, and a stray
 * PDI that tries to end the isolate around it. Each value is isolated, and each override or isolate
 * shows as its code point (U+202E), so none reorders the value or the text around it.
 */
export function hostileTextEvents(): Array<Partial<Omit<AuditEvent, 'integrity'>>> {
  return [
    {
      actor_id: `user_${RLO}nimda`,
      actor_name: `${RLO}nimda`,
      actor_type: 'user',
      action: 'document.deleted',
      resource: 'document',
      resource_id: `doc_${RLO}1`,
      resource_name: `invoice${RLO}fdp.exe`,
      targets: [
        { type: 'file', id: `file_${RLI}7${PDI}`, name: `report${RLO}xcod.exe`, metadata: null },
      ],
      context: { ip_address: '203.0.113.7', user_agent: `Mozilla/5.0 ${RLO}`, country: `IL${RLO}` },
      metadata: { note: `${RLO}reversed by the writer`, [`${RLO}key`]: 'value' },
    },
    {
      actor_id: 'user_sarah',
      actor_name: 'שרה כהן',
      actor_type: 'user',
      action: 'document.viewed',
      resource: 'document',
      resource_id: 'doc_q4',
      resource_name: 'דוח רבעוני Q4',
      targets: [],
      context: { ip_address: '198.51.100.4', user_agent: null, country: 'IL' },
      metadata: {},
    },
    {
      actor_id: 'user_eve',
      actor_name: `Eve${PDI}${RLO}`,
      actor_type: 'user',
      action: 'document.shared',
      resource: 'document',
      resource_id: 'doc_plan',
      resource_name: `plan${PDI}${RLO}.txt`,
      targets: [],
      context: null,
      metadata: {},
    },
  ];
}
