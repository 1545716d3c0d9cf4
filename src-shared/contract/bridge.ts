import type { ApiResult } from './errors';

/** The one IPC channel of the desktop app. */
export const IPC_CHANNEL = 'mamen:call';

/** What the preload exposes as `window.mamen`: exactly one function. */
export type MamenBridge = {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
};
