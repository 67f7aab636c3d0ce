// Mints a short-lived, tenant-scoped viewer token on the server, where the API key lives.
import { ImmutableClient } from '@getimmutable/client/server';

export async function POST() {
  // Created per request, not at import: `next build` loads this module without the secrets.
  const immutable = new ImmutableClient({
    apiKey: process.env.IMMUTABLE_API_KEY!,
    baseUrl: process.env.IMMUTABLE_BASE_URL!,
  });
  // A real app takes the tenant from the signed-in user's session.
  const { token, expires_at } = await immutable.createViewerToken({
    tenant_id: process.env.TENANT_ID ?? 'org_acme',
    ttl: 900,
  });
  return Response.json({ token, expires_at });
}
