/**
 * Child process for the crash test: opens the store, signs in as the desk, saves a draft of the
 * interview and says so on stdout, then waits to be killed (SIGKILL, as a power cut would).
 */
import { openRuntime } from '../../../src-main/api/runtime';
import { Caller, TEST_STORE_KEY, silentLogger } from './test-runtime';

const [storePath, username, password, interviewId] = process.argv.slice(2);
if (!storePath || !username || !password || !interviewId) throw new Error('usage: draft-writer <store> <user> <password> <interview>');

const runtime = await openRuntime({ storePath, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
const desk = new Caller(runtime);
await desk.call('auth.login', { username, password });
await desk.call('interviews.saveDraft', {
  id: interviewId,
  step: 'data_verification',
  data: { prisonerName: 'سعيد', prisonName: 'سجن جازان العام', monthlyIncome: 900, incomeSources: ['charity'] },
});
process.stdout.write('draft-saved\n');
setInterval(() => undefined, 60_000);
