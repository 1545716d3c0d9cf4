// The import direction of ARCHITECTURE.md, as a lint rule (VS Code's code-layering, in small):
//   app → api → services → store | pdf | sync → src-shared
// cli and headoffice are entry points beside app; the renderer imports only src-shared.
import { dirname, relative, resolve, sep } from 'node:path';

/** Each layer and the layers it may import. */
const ALLOWED = {
  'src-main/app': ['src-main/app', 'src-main/api', 'src-main/services', 'src-main/store', 'src-main/pdf', 'src-main/sync', 'src-shared', 'migrations'],
  'src-main/cli': ['src-main/cli', 'src-main/app/app-version', 'src-main/api', 'src-main/services', 'src-main/store', 'src-main/pdf', 'src-main/sync', 'src-shared', 'migrations'],
  'src-main/headoffice': ['src-main/headoffice', 'src-main/api', 'src-main/services', 'src-main/store', 'src-main/sync', 'src-shared', 'migrations'],
  'src-main/api': ['src-main/api', 'src-main/services', 'src-main/store', 'src-main/pdf', 'src-main/sync', 'src-shared'],
  'src-main/services': ['src-main/services', 'src-main/store', 'src-main/pdf', 'src-main/sync', 'src-shared'],
  'src-main/store': ['src-main/store', 'src-shared', 'migrations'],
  'src-main/pdf': ['src-main/pdf', 'src-shared'],
  'src-main/sync': ['src-main/sync', 'src-main/store', 'src-shared'],
  migrations: ['migrations'],
  'src-shared': ['src-shared'],
  'src-renderer': ['src-renderer', 'src-shared', 'resources'],
};

/** Packages only some layers may use. */
const PACKAGE_RULES = [
  { name: 'electron', only: ['src-main/app'] },
  { name: 'better-sqlite3-multiple-ciphers', only: ['src-main/store', 'src-main/cli'] },
  { name: 'kysely', only: ['src-main/store', 'migrations', 'src-main/services', 'src-main/api', 'src-main/headoffice', 'src-main/sync'] },
];

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

function layerOf(file) {
  const rel = relative(ROOT, file).split(sep).join('/');
  return Object.keys(ALLOWED)
    .filter((layer) => rel === layer || rel.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function targetPath(file, source) {
  const rel = relative(ROOT, resolve(dirname(file), source)).split(sep).join('/');
  return rel;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import direction between the layers of the app.' },
    messages: {
      direction: "'{{from}}' may not import '{{to}}' (allowed: {{allowed}}). See ARCHITECTURE.md.",
      nodeInRenderer: "The renderer never touches Node: '{{to}}' is a Node module.",
      packageLayer: "'{{to}}' may only be imported in {{only}}.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = targetPath(file, source);
        const allowed = ALLOWED[from];
        if (!allowed.some((layer) => target === layer || target.startsWith(`${layer}/`))) {
          context.report({ node, messageId: 'direction', data: { from, to: target, allowed: allowed.join(', ') } });
        }
        return;
      }
      if (from === 'src-renderer' || from === 'src-shared') {
        if (source.startsWith('node:')) context.report({ node, messageId: 'nodeInRenderer', data: { to: source } });
      }
      const rule = PACKAGE_RULES.find((r) => source === r.name || source.startsWith(`${r.name}/`));
      if (rule && !rule.only.some((layer) => from === layer)) {
        context.report({ node, messageId: 'packageLayer', data: { to: source, only: rule.only.join(', ') } });
      }
    }
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== 'type') check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};
