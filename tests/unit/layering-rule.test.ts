import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
// The rule is plain JavaScript, shared with eslint.config.js.
import layering from '../../eslint-rules/layering.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const root = process.cwd();

tester.run('layering', layering, {
  valid: [
    { filename: `${root}/src-main/services/beneficiaries.ts`, code: "import { findBeneficiary } from '../store/beneficiaries';" },
    { filename: `${root}/src-main/api/router.ts`, code: "import { handlers } from '../services/handlers';" },
    { filename: `${root}/src-main/app/preload.ts`, code: "import { contextBridge } from 'electron';" },
    { filename: `${root}/src-renderer/app/api-client.ts`, code: "import { contract } from '../../src-shared/contract';" },
    { filename: `${root}/src-main/store/users.ts`, code: "import type { Handlers } from '../services/handler-types';" },
  ],
  invalid: [
    { filename: `${root}/src-main/store/users.ts`, code: "import { handlers } from '../services/handlers';", errors: [{ messageId: 'direction' }] },
    { filename: `${root}/src-main/services/auth.ts`, code: "import { createRouter } from '../api/router';", errors: [{ messageId: 'direction' }] },
    { filename: `${root}/src-main/api/router.ts`, code: "import { app } from 'electron';", errors: [{ messageId: 'packageLayer' }] },
    { filename: `${root}/src-renderer/app/x.ts`, code: "import { openStore } from '../../src-main/store/db';", errors: [{ messageId: 'direction' }] },
    { filename: `${root}/src-renderer/app/x.ts`, code: "import { readFileSync } from 'node:fs';", errors: [{ messageId: 'nodeInRenderer' }] },
    { filename: `${root}/src-shared/domain/x.ts`, code: "import { uuidv7 } from '../../src-main/store/row-writer';", errors: [{ messageId: 'direction' }] },
  ],
});
