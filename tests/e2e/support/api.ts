import { test, type APIRequestContext } from '@playwright/test';

/**
 * Calls the app's API as the signed-in page would (its cookies), to prepare data a spec doesn't
 * need to click through. The host checks Origin like a browser sends it: this project's own host.
 */
export async function api<T = unknown>(request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const origin = String(test.info().project.use.baseURL).replace(/\/$/, '');
  const response = await request.post(`/api/${method}`, { data: input, headers: { origin } });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: { en: string } } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message.en}`);
  return body.value as T;
}
