import { writeFileSync } from 'node:fs';
import { ROLES_DOC_PATH, rolesMarkdown } from './roles-table';

// npm run docs:roles — regenerates docs/roles.md after a method, role or scope changes.
writeFileSync(ROLES_DOC_PATH, rolesMarkdown());
console.log(`${ROLES_DOC_PATH} written`);
