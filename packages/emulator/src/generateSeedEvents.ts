/**
 * A deterministic generator of realistic audit events (no Node APIs, so stories can use it
 * in a browser too). The same `seed` and `count` always give the same payloads; only the
 * timestamps move with `endMs`.
 */

export interface SeedOptions {
  /** PRNG seed. @default 42 */
  seed?: number;
  /** The newest event's time, epoch ms. @default Date.now() */
  endMs?: number;
  /** How far back the events reach. @default 90 days */
  spanMs?: number;
}

export interface SeedEvent {
  /** An ingest payload, as the server SDK would send it. */
  payload: Record<string, unknown>;
  /** When it happened (the seed backdates events through the normal ingest path). */
  at: number;
}

interface Actor {
  id: string;
  name: string;
  type: 'user' | 'service';
  tenant: string;
  country: string;
  ip: string;
  agent: string;
}

const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
];

const people: Array<[string, string, string, string]> = [
  // id, name, tenant, country
  ['user_2hG9kLm', 'Sarah Chen', 'org_acme', 'US'],
  ['user_8pQ3wXz', 'Marcus Webb', 'org_acme', 'GB'],
  ['user_5tR7yNv', 'Aisha Okafor', 'org_acme', 'NG'],
  ['user_3kL9mJh', 'Lukas Becker', 'org_acme', 'DE'],
  ['user_7bN2cVx', 'Priya Raman', 'org_acme', 'IN'],
  ['user_4dF6gHj', 'Tomás Alvarez', 'org_acme', 'ES'],
  ['user_9sW1eRt', 'Yuki Tanaka', 'org_acme', 'JP'],
  ['user_6mK8lPo', 'Hannah Schmidt', 'org_globex', 'DE'],
  ['user_1qA5zSx', 'Daniel Kim', 'org_globex', 'KR'],
  ['user_0wE4rTy', 'Chloé Martin', 'org_globex', 'FR'],
  ['user_2uI7oPa', 'Oliver Brown', 'org_globex', 'GB'],
  ['user_5gH3jKl', 'Fatima Zahra', 'org_globex', 'MA'],
  ['user_8cV6bNm', 'Ethan Walker', 'org_globex', 'US'],
  ['user_3xZ9aQw', 'Sofia Rossi', 'org_initech', 'IT'],
  ['user_6eR2tYu', 'Noah Johansson', 'org_initech', 'SE'],
  ['user_9iO5pAs', 'Amara Nwosu', 'org_initech', 'NG'],
  ['user_4dF7gHk', 'Mateo Silva', 'org_initech', 'BR'],
  ['user_7jK1lZx', 'Emma Dubois', 'org_initech', 'CA'],
];
const services: Array<[string, string, string, string]> = [
  ['svc_billing', 'Billing service', 'org_acme', 'US'],
  ['svc_sync', 'Drive sync', 'org_globex', 'IE'],
  ['svc_scim', 'SCIM provisioner', 'org_initech', 'US'],
];

const DOCS = [
  'Q4 Report', 'Board Deck 2026', 'Onboarding Guide', 'Security Policy', 'Pricing Sheet',
  'Roadmap H2', 'Incident Postmortem', 'Vendor Contract', 'Hiring Plan', 'Brand Guidelines',
  'Sales Playbook', 'Architecture Overview', 'Budget FY27', 'Customer Interview Notes',
];
const FOLDERS = ['Shared Reports', 'Finance', 'Legal', 'Engineering', 'Marketing', 'HR'];
const TEAMS = ['Engineering', 'Finance', 'Sales', 'Design', 'Support', 'Leadership'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'NL', 'SG', 'BR', 'AU'];

type Rand = () => number;

/** mulberry32: tiny, fast and good enough for realistic-looking data. */
function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const idOf = (rand: Rand, prefix: string) =>
  prefix + '_' + Math.floor(rand() * 36 ** 7).toString(36).padStart(7, '0');
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_');

interface ActionSpec {
  action: string;
  category: string;
  weight: number;
  build: (rand: Rand, actor: Actor, others: Actor[]) => Partial<Record<string, unknown>>;
}

// Updates record what they changed in the shapes the kit reads (readChanges): per-field
// from/to pairs, or before/after snapshots. Each draws as many random numbers as the flat
// metadata it replaced, so every later seed event is the same as before.
const PROFILE_VALUES: Record<string, [string, string]> = {
  avatar: ['avatars/initials.png', 'avatars/photo.jpg'],
  title: ['Engineer', 'Senior Engineer'],
  timezone: ['Europe/London', 'America/New_York'],
};
const profileSnapshots = (field: string) => ({
  before: { [field]: PROFILE_VALUES[field]![0] },
  after: { [field]: PROFILE_VALUES[field]![1] },
});
const SETTINGS: Record<string, [string, string[]]> = {
  default_sharing: ['private', ['team', 'organisation', 'link']],
  session_timeout: ['24h', ['8h', '12h', '1h']],
  allowed_domains: ['', ['acme.com', 'acme.com, acme.io', 'example.com']],
};
const settingChange = (r: Rand) => {
  const setting = pick(r, Object.keys(SETTINGS));
  const [from, choices] = SETTINGS[setting]!;
  return { changes: { [setting]: { from, to: pick(r, choices) } } };
};

const docResource = (rand: Rand) => {
  const name = pick(rand, DOCS);
  return { resource: 'document', resource_id: `doc_${slug(name)}`, resource_name: name };
};
const userResource = (other: Actor) => ({
  resource: 'user', resource_id: other.id, resource_name: other.name,
});
const folderTarget = (rand: Rand) => {
  const name = pick(rand, FOLDERS);
  return { type: 'folder', id: `folder_${slug(name)}`, name };
};
const teamTarget = (rand: Rand) => {
  const name = pick(rand, TEAMS);
  return { type: 'team', id: `team_${slug(name)}`, name };
};

const ACTIONS: ActionSpec[] = [
  { action: 'document.viewed', category: 'documents', weight: 18, build: (r) => ({ ...docResource(r), metadata: { duration_s: Math.floor(r() * 600) } }) },
  { action: 'document.created', category: 'documents', weight: 6, build: (r) => ({ ...docResource(r), targets: [folderTarget(r)], metadata: { size: Math.floor(r() * 2_000_000), mime_type: pick(r, ['application/pdf', 'text/markdown', 'application/vnd.ms-excel']) } }) },
  { action: 'document.updated', category: 'documents', weight: 10, build: (r) => ({ ...docResource(r), metadata: { changes: { words_added: Math.floor(r() * 400), words_removed: Math.floor(r() * 120) }, revision: 1 + Math.floor(r() * 40) } }) },
  { action: 'document.shared', category: 'documents', weight: 5, build: (r) => ({ ...docResource(r), targets: [teamTarget(r)], metadata: { permission: pick(r, ['view', 'comment', 'edit']) } }) },
  { action: 'document.unshared', category: 'documents', weight: 1, build: (r) => ({ ...docResource(r), targets: [teamTarget(r)] }) },
  { action: 'document.downloaded', category: 'documents', weight: 4, build: (r) => ({ ...docResource(r), metadata: { format: pick(r, ['pdf', 'docx', 'md']) } }) },
  { action: 'document.renamed', category: 'documents', weight: 1, build: (r) => { const doc = docResource(r); return { ...doc, metadata: { changes: { name: { from: pick(r, DOCS) + ' (draft)', to: doc.resource_name } } } }; } },
  { action: 'document.moved', category: 'documents', weight: 1, build: (r) => ({ ...docResource(r), targets: [folderTarget(r), folderTarget(r)] }) },
  { action: 'document.deleted', category: 'documents', weight: 1, build: (r) => ({ ...docResource(r), metadata: { permanent: r() < 0.2 } }) },
  { action: 'document.restored', category: 'documents', weight: 0.5, build: (r) => ({ ...docResource(r) }) },
  { action: 'user.invited', category: 'users', weight: 1.5, build: (r, _a, o) => ({ ...userResource(pick(r, o)), metadata: { role: pick(r, ['member', 'admin', 'viewer']) } }) },
  { action: 'user.joined', category: 'users', weight: 1, build: (r, a) => ({ ...userResource(a), metadata: { via: pick(r, ['invite', 'sso']) } }) },
  { action: 'user.role_changed', category: 'users', weight: 1, build: (r, _a, o) => ({ ...userResource(pick(r, o)), metadata: { changes: { role: { from: 'member', to: pick(r, ['admin', 'viewer']) } } } }) },
  { action: 'user.removed', category: 'users', weight: 0.3, build: (r, _a, o) => ({ ...userResource(pick(r, o)) }) },
  { action: 'user.deactivated', category: 'users', weight: 0.3, build: (r, _a, o) => ({ ...userResource(pick(r, o)), metadata: { reason: 'offboarding' } }) },
  { action: 'user.profile_updated', category: 'users', weight: 1, build: (r, a) => ({ ...userResource(a), metadata: profileSnapshots(pick(r, ['avatar', 'title', 'timezone'])) }) },
  { action: 'auth.login', category: 'auth', weight: 14, build: (r) => ({ resource: 'session', metadata: { method: pick(r, ['password', 'sso', 'passkey']), mfa: r() < 0.7 } }) },
  { action: 'auth.logout', category: 'auth', weight: 5, build: () => ({ resource: 'session' }) },
  { action: 'auth.login_failed', category: 'auth', weight: 2, build: (r) => ({ resource: 'session', metadata: { reason: pick(r, ['bad_password', 'mfa_timeout', 'locked']) } }) },
  { action: 'auth.mfa_enabled', category: 'auth', weight: 0.5, build: (r) => ({ resource: 'mfa_factor', metadata: { kind: pick(r, ['totp', 'webauthn']) } }) },
  { action: 'auth.mfa_disabled', category: 'auth', weight: 0.2, build: () => ({ resource: 'mfa_factor' }) },
  { action: 'auth.password_changed', category: 'auth', weight: 0.5, build: () => ({ resource: 'credential' }) },
  { action: 'auth.sso_configured', category: 'auth', weight: 0.1, build: (r) => ({ resource: 'sso_connection', resource_id: idOf(r, 'sso'), metadata: { provider: pick(r, ['okta', 'azure_ad', 'google']) } }) },
  { action: 'billing.plan_changed', category: 'billing', weight: 0.3, build: (r) => ({ resource: 'subscription', resource_id: idOf(r, 'sub'), metadata: { changes: { plan: { from: 'team', to: pick(r, ['business', 'enterprise']) } }, seats: 10 + Math.floor(r() * 90) } }) },
  { action: 'billing.invoice_paid', category: 'billing', weight: 1, build: (r) => ({ resource: 'invoice', resource_id: idOf(r, 'in'), metadata: { amount: Math.round(r() * 500000) / 100, currency: pick(r, ['USD', 'EUR', 'GBP']) } }) },
  { action: 'billing.payment_method_added', category: 'billing', weight: 0.3, build: (r) => ({ resource: 'payment_method', resource_id: idOf(r, 'pm'), metadata: { brand: pick(r, ['visa', 'mastercard', 'amex']), last4: String(1000 + Math.floor(r() * 9000)) } }) },
  { action: 'billing.payment_failed', category: 'billing', weight: 0.2, build: (r) => ({ resource: 'invoice', resource_id: idOf(r, 'in'), metadata: { decline_code: pick(r, ['insufficient_funds', 'expired_card']) } }) },
  { action: 'billing.seat_added', category: 'billing', weight: 0.5, build: (r) => ({ resource: 'subscription', metadata: { seats: 1 + Math.floor(r() * 5) } }) },
  { action: 'settings.updated', category: 'settings', weight: 1, build: (r) => ({ resource: 'workspace_settings', metadata: settingChange(r) }) },
  { action: 'settings.api_key_created', category: 'settings', weight: 0.3, build: (r) => ({ resource: 'api_key', resource_id: idOf(r, 'key'), resource_name: pick(r, ['CI deploy', 'Zapier', 'Data warehouse']) }) },
  { action: 'settings.api_key_revoked', category: 'settings', weight: 0.2, build: (r) => ({ resource: 'api_key', resource_id: idOf(r, 'key') }) },
  { action: 'settings.webhook_created', category: 'settings', weight: 0.2, build: (r) => ({ resource: 'webhook', resource_id: idOf(r, 'wh'), metadata: { url: 'https://hooks.example.com/' + idOf(r, 'h'), events: ['document.*'] } }) },
  { action: 'settings.retention_changed', category: 'settings', weight: 0.1, build: (r) => ({ resource: 'workspace_settings', metadata: { days: pick(r, [90, 365, 2555]) } }) },
];
const SERVICE_ACTIONS = ['billing.invoice_paid', 'document.updated', 'user.invited', 'document.created'];
const TOTAL_WEIGHT = ACTIONS.reduce((sum, a) => sum + a.weight, 0);

function pickAction(rand: Rand): ActionSpec {
  let x = rand() * TOTAL_WEIGHT;
  for (const spec of ACTIONS) {
    x -= spec.weight;
    if (x <= 0) return spec;
  }
  return ACTIONS[0]!;
}

function seedActors(seed = 42): Actor[] {
  const rand = prng(seed ^ 0x9e3779b9);
  const make = ([id, name, tenant, country]: [string, string, string, string], type: Actor['type']): Actor => ({
    id, name, type, tenant, country,
    ip: `${pick(rand, [198, 203, 192])}.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}.${1 + Math.floor(rand() * 250)}`,
    agent: type === 'service' ? 'immutable-python/1.4.0 httpx/0.27' : pick(rand, AGENTS),
  });
  return [...people.map((p) => make(p, 'user')), ...services.map((s) => make(s, 'service'))];
}

export function generateSeedEvents(count: number, options: SeedOptions = {}): SeedEvent[] {
  return [...seedEventStream(count, options)];
}

/**
 * The same events, made one at a time as they are read: a seed of a million events then holds
 * one batch at a time instead of all of them (each batch is garbage as soon as it is written,
 * collected young; a whole array of them outlived the young generation and piled up in the old
 * one between major collections).
 */
export function* seedEventStream(count: number, options: SeedOptions = {}): Generator<SeedEvent> {
  const rand = prng(options.seed ?? 42);
  const endMs = options.endMs ?? Date.now();
  const spanMs = options.spanMs ?? 90 * 86_400_000;
  const actors = seedActors(options.seed ?? 42);
  // Evenly spaced slots with jitter, sorted: timestamps ascend, as ingest requires.
  const times = Array.from({ length: count }, (_, i) =>
    Math.floor(endMs - spanMs + ((i + rand()) / Math.max(count, 1)) * spanMs),
  ).sort((a, b) => a - b);
  const sessions = new Map<string, { id: string; until: number }>();
  for (let i = 0; i < count; i++) {
    const at = times[i]!;
    const actor = pick(rand, actors);
    const colleagues = actors.filter((a) => a.tenant === actor.tenant && a.id !== actor.id);
    let spec = pickAction(rand);
    if (actor.type === 'service') {
      const name = pick(rand, SERVICE_ACTIONS);
      spec = ACTIONS.find((a) => a.action === name)!;
    }
    let session = sessions.get(actor.id);
    if (!session || session.until < at || spec.action === 'auth.login') {
      session = { id: idOf(rand, 'sess'), until: at + 8 * 3_600_000 };
      sessions.set(actor.id, session);
    }
    // Now and then someone travels (or a credential leaks): new_country alerts follow.
    const country = rand() < 0.03 ? pick(rand, COUNTRIES) : actor.country;
    const payload: Record<string, unknown> = {
      tenant_id: actor.tenant,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_type: actor.type,
      action: spec.action,
      action_category: spec.category,
      session_id: actor.type === 'service' ? null : session.id,
      version: 1,
      idempotency_key: `seed-${options.seed ?? 42}-${i}`,
      context: {
        ip_address: country === actor.country ? actor.ip : `185.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
        user_agent: actor.agent,
        country,
      },
      metadata: {},
      ...spec.build(rand, actor, colleagues.length > 0 ? colleagues : [actor]),
    };
    yield { payload, at };
  }
}
