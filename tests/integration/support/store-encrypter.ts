/**
 * Child process of the interrupted-encryption test: opens a plain store with the test key (which
 * encrypts it in place), saying `opening` before and `encrypted` after, until it is killed.
 */
import { openStore } from '../../../src-main/store/db';
import { TEST_STORE_KEY } from './test-runtime';

const [storePath] = process.argv.slice(2);
if (!storePath) throw new Error('usage: store-encrypter <store>');
process.stdout.write('opening\n');
const store = await openStore(storePath, { key: TEST_STORE_KEY });
process.stdout.write('encrypted\n');
await store.close();
