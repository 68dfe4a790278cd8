// Finds the handler function named by `_HANDLER`, following Lambda's Node rules
// (reference/aws-behavior.md §2.3): `dir/file.fn.nested` is the folder `dir/`, the module
// `file` and the property path `fn.nested`. Which loader runs decides what works: a `.js` file
// is `require`d unless the nearest package.json says `"type": "module"`, and with require(esm)
// and syntax detection off (NodeLauncher.swift) an `export` in such a file is a SyntaxError,
// exactly as on Lambda.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { failure, wrapAs } from './failures.mjs';
import { realPath } from './shown-paths.mjs';

const CALLBACK_WARNING =
  'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. ' +
  'You will need to update this function to use an async handler to use Node.js 24 or later. ' +
  'For more information and to provide feedback on this change, see ' +
  'https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. ' +
  'To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.';

const CALLBACK_REMOVED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. ' +
  'You need to modify this function to use a supported handler signature to use Node.js 24 or later. ' +
  'For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

/** `dir/file.fn.nested` → `{ folder: 'dir/', moduleName: 'file', propertyPath: ['fn', 'nested'] }`. */
function parseHandlerName(handler) {
  const slash = handler.lastIndexOf('/');
  const folder = handler.slice(0, slash + 1);
  const tail = handler.slice(slash + 1);
  if (folder.split('/').includes('..')) {
    throw failure('MalformedHandlerName',
      `'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
  }
  const dot = tail.indexOf('.');
  if (dot <= 0 || dot === tail.length - 1) throw failure('MalformedHandlerName', 'Bad handler');
  return { folder, moduleName: tail.slice(0, dot), propertyPath: tail.slice(dot + 1).split('.') };
}

/**
 * Loads the user's module and returns the handler function.
 * @param options.requireEntry path of the bootstrap's entry file: user modules are required
 *   from there, so a "Require stack" ends with /var/runtime/index.mjs as on Lambda.
 */
export async function loadHandler({ handler, taskRoot, requireEntry }) {
  const { folder, moduleName, propertyPath } = parseHandlerName(handler);
  const root = path.resolve(taskRoot, realPath(folder || '.', taskRoot));
  const exportsValue = await loadModuleClassified(root, moduleName, taskRoot, createRequire(requireEntry));
  const shownName = `${moduleName}.${propertyPath.join('.')}`;
  const found = propertyPath.reduce((value, key) => (value == null ? undefined : value[key]), exportsValue);
  if (found === undefined) throw failure('HandlerNotFound', `${shownName} is undefined or not exported`);
  if (typeof found !== 'function') throw failure('HandlerNotFound', `${shownName} is not a function`);
  return found;
}

/** A handler taking (event, context, callback) that is not `async`. */
function isCallbackHandler(fn) {
  return fn.length >= 3 && fn.constructor?.name !== 'AsyncFunction';
}

/** Callback handlers: refused from Node.js 24, a WARN at init before it (unless disabled). */
export function checkHandlerStyle(fn, nodeMajor, warn, env = process.env) {
  if (!isCallbackHandler(fn)) return;
  if (nodeMajor >= 24) throw failure('CallbackHandlerDeprecated', CALLBACK_REMOVED);
  if (!env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING) warn(CALLBACK_WARNING);
}

// Lambda names the two user-code failures it recognises and lets every other error through
// (an ES module's missing package stays a plain `Error`, code ERR_MODULE_NOT_FOUND).
async function loadModuleClassified(root, moduleName, taskRoot, requireUser) {
  try {
    return await loadModule(root, moduleName, taskRoot, requireUser);
  } catch (error) {
    if (error instanceof SyntaxError) throw wrapAs('UserCodeSyntaxError', error);
    if (error?.code === 'MODULE_NOT_FOUND') throw wrapAs('ImportModuleError', error);
    throw error;
  }
}

async function loadModule(root, moduleName, taskRoot, requireUser) {
  const base = path.join(root, moduleName);
  const importFile = (file) => import(pathToFileURL(file).href);
  if (isFile(base)) return requireUser(base);
  if (isFile(base + '.js')) return isModuleScope(path.dirname(base), taskRoot) ? importFile(base + '.js') : requireUser(base + '.js');
  if (isFile(base + '.mjs')) return importFile(base + '.mjs');
  if (isFile(base + '.cjs')) return requireUser(base + '.cjs');
  // Last, anything node itself can resolve: a folder with index.js, a package in node_modules.
  return requireUser(requireUser.resolve(moduleName, { paths: [taskRoot, root] }));
}

// The nearest package.json decides, looking upwards and stopping at a node_modules folder.
// /var/task's parents hold no package.json on Lambda, so the walk never leaves the task root
// (the host's folders above it must not count).
function isModuleScope(folder, taskRoot) {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') return false;
    const manifest = path.join(dir, 'package.json');
    if (isFile(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8'))?.type === 'module';
      } catch {
        return false;
      }
    }
    if (dir === taskRoot || dir === path.dirname(dir)) return false;
  }
}

function isFile(file) {
  return existsSync(file) && statSync(file).isFile();
}
