import fc from 'fast-check';
import type { z } from 'zod';
import { withCheckDigit } from '../../../src-shared/domain/national-id';
import { nestedDeeperThan } from '../../../src-main/api/input-depth';

/**
 * Inputs for the fuzzed boundary: a value shaped like a method's zod schema (so validation goes past
 * the first field), then broken by one to three mutations at random places — wrong types, missing
 * and extra fields, huge strings, Unicode controls, prototype keys, NaN/Infinity, deep nesting.
 */

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const PLAUSIBLE_STRINGS = [
  '0190a3c1-7e2b-7cde-8f00-0123456789ab',
  'أحمد',
  'عبدالله محمد',
  withCheckDigit('108000001'),
  '0551234567',
  '2020-01-15',
  '1445-03-10',
  '2026-11-26T10:00:00.000Z',
  'HQ',
  'admin',
  'in_person',
  'correct horse battery',
  '',
];

function shaped(schema: unknown, depth: number, strings: readonly string[]): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(null);
  switch (def.type) {
    case 'string':
      return fc.oneof(fc.constantFrom(...PLAUSIBLE_STRINGS, ...strings), fc.string({ maxLength: 12 }), fc.uuid());
    case 'number':
    case 'int':
      return fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(1, 100, 2026));
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, shaped(value, depth + 1, strings)]));
      return fc.record(entries, { requiredKeys: Object.keys(shape) });
    }
    case 'array':
      return fc.array(shaped(def.element, depth + 1, strings), { maxLength: 3 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => shaped(item, depth + 1, strings)));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 6 }), shaped(def.valueType, depth + 1, strings), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => shaped(option, depth + 1, strings)));
    case 'intersection':
      return fc.tuple(shaped(def.left, depth + 1, strings), shaped(def.right, depth + 1, strings)).map(([a, b]) =>
        typeof a === 'object' && a && typeof b === 'object' && b ? { ...a, ...b } : a,
      );
    case 'optional':
    case 'nullable':
      return fc.oneof(shaped(def.innerType, depth + 1, strings), fc.constant(def.type === 'optional' ? undefined : null));
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return shaped(def.innerType, depth + 1, strings);
    case 'pipe':
      return shaped(def.in, depth + 1, strings);
    case 'lazy':
      return shaped((def.getter as () => unknown)(), depth + 1, strings);
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    default:
      // any, unknown, custom, transform, date…: anything JSON can carry.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const CONTROL_STRINGS = ['\u0000', '\u202E\u0627\u062D\u0645\u062F', '\uFEFF', '\uD800', '\u200F\u200E', '\r\n\t', 'a\u0000b', '\u0085\u2028\u2029', '🧕🏽'];

function deeplyNested(levels: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** An own property even for `__proto__` (an assignment would set the prototype instead). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 1e308, -1, 0.5, Number.MAX_SAFE_INTEGER + 2, true, false, null, undefined, 0, '', [], {}, '0', 'null', 'true'),
  fc.constantFrom(...CONTROL_STRINGS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('x', 'ا', '9').map((c) => c.repeat(200_000)),
  fc.integer({ min: 200, max: 2_000 }).chain((levels) => fc.boolean().map((asArray) => deeplyNested(levels, 'x', asArray))),
  fc.jsonValue({ maxDepth: 3 }),
);

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'drop'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('extra' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })),
    value: fc.oneof(fc.constant<unknown>({ polluted: true }), replacement),
  }),
);

/** Every place in a value a mutation can hit, as key paths (the root is the empty path). */
function placesOf(value: unknown, path: readonly (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push([...path]);
  if (path.length > 8 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((item, i) => placesOf(item, [...path, i], out));
  else for (const [key, item] of Object.entries(value)) placesOf(item, [...path, key], out);
  return out;
}

function edit(value: unknown, path: readonly (string | number)[], change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? edit(item, rest, change) : item));
  if (value && typeof value === 'object') return withOwnKey(value as Record<string, unknown>, String(head), edit((value as Record<string, unknown>)[String(head)], rest, change));
  return value;
}

function apply(value: unknown, m: Mutation): unknown {
  const places = placesOf(value);
  const path = places[m.at % places.length] ?? [];
  if (m.kind === 'replace') return edit(value, path, () => m.value);
  if (m.kind === 'extra') {
    return edit(value, path, (node) => (node && typeof node === 'object' && !Array.isArray(node) ? withOwnKey(node as Record<string, unknown>, m.key, m.value) : withOwnKey({}, m.key, m.value)));
  }
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  const key = path[path.length - 1];
  return edit(value, parent, (node) => {
    if (Array.isArray(node)) return node.filter((_, i) => i !== key);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).filter(([k]) => k !== String(key)));
    return node;
  });
}

/** Schema-shaped values broken by one to three mutations. */
export function mutatedInput(schema: z.ZodType, strings: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc
    .tuple(shaped(schema, 0, strings), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, mutations]) => mutations.reduce<unknown>((acc, m) => apply(acc, m), value));
}

/**
 * Values shaped like the schema with no mutation: some valid, for calls refused past validation.
 * `strings` joins the pool strings are drawn from (ids of real records reach the services' checks).
 */
export function shapedInput(schema: z.ZodType, strings: readonly string[] = []): fc.Arbitrary<unknown> {
  return shaped(schema, 0, strings);
}

/** True when the router would refuse this input at validation (too deep, or `input ?? {}` fails to parse). */
export function isInvalidFor(schema: z.ZodType, input: unknown): boolean {
  return nestedDeeperThan(input) || !schema.safeParse(input ?? {}).success;
}
