import type { z } from 'zod';
import type { SchemaRefusal } from '../../src-shared/contract/sync';

/**
 * Which desks may sync: a desk runs the same migrations as head office, so its schema version says
 * which tables and columns it has. Below the configured minimum it must update first (its pulls would
 * miss columns); above head office's own version it has columns head office cannot store, so head
 * office must be updated first. Either way the desk is refused before anything is read or written.
 */
export type SchemaPolicy = { serverSchemaVersion: number; minDeskSchemaVersion: number };

export function schemaRefusal(policy: SchemaPolicy, deskHeader: string | string[] | undefined): z.infer<typeof SchemaRefusal> | null {
  const desk = Number(Array.isArray(deskHeader) ? deskHeader[0] : deskHeader);
  const facts = { serverSchemaVersion: policy.serverSchemaVersion, minDeskSchemaVersion: policy.minDeskSchemaVersion };
  if (!Number.isInteger(desk) || desk < policy.minDeskSchemaVersion) return { error: 'update_required', ...facts };
  if (desk > policy.serverSchemaVersion) return { error: 'server_outdated', ...facts };
  return null;
}

/** The minimum from configuration, never above head office's own schema (it could serve no desk at all). */
export function schemaPolicy(serverSchemaVersion: number, configuredMinimum: number | undefined): SchemaPolicy {
  const min = configuredMinimum ?? serverSchemaVersion;
  if (!Number.isInteger(min) || min < 1 || min > serverSchemaVersion) {
    throw new Error(`The minimum desk schema version must be between 1 and ${serverSchemaVersion}; got ${String(configuredMinimum)}.`);
  }
  return { serverSchemaVersion, minDeskSchemaVersion: min };
}
