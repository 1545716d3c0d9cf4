/**
 * Child process of the crash-safety test: real writes through the router on an encrypted store, one
 * line on stdout after each one committed, until it is killed (SIGKILL, as a power cut would).
 * Writes come in groups of four from `first` on: register a beneficiary (`R <n> <id>`), edit its
 * notes twice (`E <n> <id>`), autosave the interview draft (`D <n>`).
 * Usage: crash-writer <store> <user> <password> <interview> <first> <last>
 */
import { openRuntime } from '../../../src-main/api/runtime';
import type { MethodInput, MethodOutput } from '../../../src-shared/contract';
import { withCheckDigit } from '../../../src-shared/domain/national-id';
import { Caller, TEST_STORE_KEY, beneficiaryInput, silentLogger } from './test-runtime';

const [storePath, username, password, interviewId, firstArg, lastArg] = process.argv.slice(2);
if (!storePath || !username || !password || !interviewId || !firstArg || !lastArg) throw new Error('usage: crash-writer <store> <user> <password> <interview> <first> <last>');

const runtime = await openRuntime({ storePath, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
const desk = new Caller(runtime);
await desk.call('auth.login', { username, password });
const say = (line: string) => process.stdout.write(`${line}\n`);

const NAMES = ['خالد', 'سلمان', 'ناصر', 'فهد', 'ماجد', 'بندر', 'تركي', 'سامي', 'وليد', 'هاني', 'عادل', 'رائد'];
/** A person of their own for write n: a unique resident ID, names and birth date spread by n. */
function personOf(n: number) {
  const digit = (place: number) => NAMES[Math.floor(n / 12 ** place) % 12]!;
  return beneficiaryInput({
    firstName: digit(0),
    fatherName: digit(1),
    grandfatherName: digit(2),
    familyName: `آل ${digit(1)}${digit(0)}`,
    idType: 'iqama',
    nationalId: withCheckDigit(`2${String(n).padStart(8, '0')}`),
    birthDate: `19${60 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`,
    notes: `write-${n}`,
  });
}

/**
 * A registration or edit, confirming as distinct the look-alikes the duplicate check names (as a
 * receptionist would after comparing them); the refused first try wrote nothing.
 */
async function confirmingDistinct<M extends 'beneficiaries.register' | 'beneficiaries.update'>(
  method: M,
  input: (confirmed: string[]) => MethodInput<M>,
): Promise<MethodOutput<M>> {
  const first = await desk.raw(method, input([]));
  if (first.ok) return first.value as MethodOutput<M>;
  const candidates = (first.error.details as { candidates?: Array<{ id: string }> } | undefined)?.candidates;
  if (first.error.code !== 'DUPLICATE_REVIEW_REQUIRED' || !candidates) throw new Error(`${method} failed: ${first.error.code}`);
  return desk.call(method, input(candidates.map((c) => c.id)));
}

type Current = { id: string; input: ReturnType<typeof personOf>; version: string };
let current: Current | null = null;
for (let n = Number(firstArg); n <= Number(lastArg); n += 1) {
  const step = n % 4;
  if (step === 0) {
    const input = personOf(n);
    const { id } = await confirmingDistinct('beneficiaries.register', (confirmed) => ({ beneficiary: input, household: [], confirmedDistinctFrom: confirmed }));
    // The record's version is its HLC stamp; read here rather than through beneficiaries.get, an audited view (a write of its own).
    const { hlc } = await runtime.store.db.selectFrom('beneficiaries').select('hlc').where('id', '=', id).executeTakeFirstOrThrow();
    current = { id, input, version: hlc };
    say(`R ${n} ${id}`);
  } else if (step === 3) {
    await desk.call('interviews.saveDraft', { id: interviewId, step: 'data_verification', data: { prisonName: 'سجن جازان العام', monthlyIncome: n } });
    say(`D ${n}`);
  } else if (current) {
    const edited: Current = { ...current, input: { ...current.input, notes: `write-${n}` } };
    const updated = await confirmingDistinct('beneficiaries.update', (confirmed) => ({
      id: edited.id,
      expectedVersion: edited.version,
      beneficiary: edited.input,
      confirmedDistinctFrom: confirmed,
    }));
    current = { ...edited, version: updated.version };
    say(`E ${n} ${edited.id}`);
  }
}
say('done');
await runtime.close();
