import type { z } from 'zod';
import { accountMethods } from './accounts';
import { beneficiaryMethods } from './beneficiaries';
import { systemMethods } from './system';

/** Every method of the API, `area.verb` → schemas and access. One table, read by both processes. */
export const contract = { ...accountMethods, ...beneficiaryMethods, ...systemMethods };

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before parsing: raw phone spellings, Hijri dates…). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a service receives (after parsing and normalisation). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export type { ApiError, ApiResult, ErrorCode, FieldError, LocalisedText } from './errors';
