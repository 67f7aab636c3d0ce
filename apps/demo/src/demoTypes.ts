/** What the demo's backend sends its browser app: one definition for both sides. */

export interface DemoUser {
  id: string;
  name: string;
  tenant_id: string;
  tenant_name: string;
  /** The country most of their seeded events come from (their "home"). */
  country: string | null;
}

export interface DemoDocument {
  id: string;
  name: string;
  folder: string | null;
  shared_with: string[];
  created_at: string;
}
