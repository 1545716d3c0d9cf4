import type { ApiError, ApiResult, MethodInput, MethodName, MethodOutput } from '../../src-shared/contract';
import type { MamenBridge } from '../../src-shared/contract/bridge';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';

declare global {
  /** The Electron preload exposes `window.mamen`; in the browser host there is no such object. */
  interface Window {
    mamen?: MamenBridge;
  }
}

/** A method answered `{ ok: false }`; holds the server's error as is. */
export class ApiCallError extends Error {
  readonly apiError: ApiError;
  readonly method: MethodName;

  constructor(method: MethodName, apiError: ApiError) {
    super(`${method}: ${apiError.code}`);
    this.name = 'ApiCallError';
    this.method = method;
    this.apiError = apiError;
  }

  get code(): ApiError['code'] {
    return this.apiError.code;
  }
}

function transportFailure(): ApiResult<never> {
  return {
    ok: false,
    error: { code: 'INTERNAL', messageKey: 'app.unreachable', message: { ar: ar.app.unreachable, en: en.app.unreachable } },
  };
}

async function callOverHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return transportFailure();
  }
}

// Chosen once: the preload bridge in Electron, loopback HTTP in a browser.
const transport: MamenBridge['call'] =
  typeof window !== 'undefined' && window.mamen ? (m, i) => window.mamen!.call(m, i) : callOverHttp;

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport(method, input);
  if (!result.ok) throw new ApiCallError(method, result.error);
  // The main process validates every output against the contract before sending it.
  return result.value as MethodOutput<M>;
}

export function isApiCallError(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError;
}
