import type { ApiResult } from '../../../src-shared/contract/errors';
import type { Router } from '../router';
import { apiError } from '../error-mapping';

/**
 * The IPC side of the API, free of Electron so it is tested in Node: the app registers it on one
 * channel after checking the sender frame. Each window (sender) holds its own user session here,
 * so the renderer never sees a token.
 */
export function createIpcTransport(router: Router) {
  const sessions = new Map<number, string>();
  return {
    async handle(senderId: number, payload: unknown): Promise<ApiResult<unknown>> {
      if (typeof payload !== 'object' || payload === null || typeof (payload as { method?: unknown }).method !== 'string') {
        return { ok: false, error: apiError('BAD_REQUEST', 'error.badRequest') };
      }
      const { method, input } = payload as { method: string; input?: unknown };
      return router.call(method, input, {
        transport: 'ipc',
        sessionToken: sessions.get(senderId) ?? null,
        setSessionToken: (token) => {
          if (token) sessions.set(senderId, token);
          else sessions.delete(senderId);
        },
      });
    },
    /** A closed window's session is forgotten with it. */
    forget(senderId: number): void {
      sessions.delete(senderId);
    },
  };
}
