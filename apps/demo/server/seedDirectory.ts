/**
 * The demo's "user directory" and starting documents, read off the emulator's seed data: the
 * people who act in the seeded audit trail are the people you can sign in as.
 */
import { generateSeedEvents } from '@getimmutable/emulator';
import type { DemoDocument, DemoUser } from '../src/demoTypes.js';

export type { DemoDocument, DemoUser };

/** Display names of the seeded tenants (organisations using Acme Docs). */
const TENANT_NAMES: Record<string, string> = {
  org_acme: 'Acme Corp',
  org_globex: 'Globex',
  org_initech: 'Initech',
};

export interface SeedDirectory {
  users: DemoUser[];
  documentsByTenant: Map<string, DemoDocument[]>;
}

/** Reads users (type `user`, not services) and documents from `count` seed events. */
export function readSeedDirectory(count = 2000): SeedDirectory {
  const users = new Map<string, DemoUser & { countries: Map<string, number> }>();
  const documents = new Map<string, Map<string, DemoDocument>>();
  for (const { payload, at } of generateSeedEvents(count, { endMs: Date.now() })) {
    const tenant = String(payload.tenant_id);
    if (payload.actor_type === 'user') {
      const id = String(payload.actor_id);
      let user = users.get(id);
      if (!user) {
        user = {
          id,
          name: String(payload.actor_name ?? id),
          tenant_id: tenant,
          tenant_name: TENANT_NAMES[tenant] ?? tenant,
          country: null,
          countries: new Map(),
        };
        users.set(id, user);
      }
      const country = (payload.context as { country?: string } | undefined)?.country;
      if (country) user.countries.set(country, (user.countries.get(country) ?? 0) + 1);
    }
    if (payload.resource === 'document' && typeof payload.resource_id === 'string') {
      let docs = documents.get(tenant);
      if (!docs) documents.set(tenant, (docs = new Map()));
      if (!docs.has(payload.resource_id)) {
        docs.set(payload.resource_id, {
          id: payload.resource_id,
          name: String(payload.resource_name ?? payload.resource_id),
          folder: null,
          shared_with: [],
          created_at: new Date(at).toISOString(),
        });
      }
    }
  }
  const list = [...users.values()]
    .map(({ countries, ...user }) => ({
      ...user,
      country: [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    }))
    .sort((a, b) => a.tenant_id.localeCompare(b.tenant_id) || a.name.localeCompare(b.name));
  const documentsByTenant = new Map(
    [...documents.entries()].map(([tenant, docs]) => [
      tenant,
      [...docs.values()].sort((a, b) => a.name.localeCompare(b.name)),
    ]),
  );
  return { users: list, documentsByTenant };
}
