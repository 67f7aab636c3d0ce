/** The API key every bench emulator is opened with. */
export const API_KEY = `imk_${'b'.repeat(32)}`;
export const auth = { Authorization: `Bearer ${API_KEY}` };

/** GET with the API key; throws on a non-2xx answer. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: auth });
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
