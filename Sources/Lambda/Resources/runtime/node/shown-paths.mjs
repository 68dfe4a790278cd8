// The function's code lives in a temporary folder and the bootstrap in the workbook's
// resources, but Lambda shows them as /var/task and /var/runtime: stack traces, the "Require
// stack" of a missing module and error messages must name those, never the host's folders.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SHOWN_TASK = '/var/task';
const SHOWN_RUNTIME = '/var/runtime';

// [real, shown] pairs, longest real prefix first; URL forms before plain paths.
let replacements = [];

/** Registers the real folders behind /var/task, /var/runtime and the bundled SDK's
 *  /var/runtime/node_modules. */
export function setRealFolders(taskRoot, runtimeDir, bundledModules) {
  const pairs = [[taskRoot, SHOWN_TASK], [runtimeDir, SHOWN_RUNTIME]];
  if (bundledModules) {
    pairs.push([bundledModules, SHOWN_RUNTIME + '/node_modules']);
    // Code both SDK shims share (sdk/shared) is shown inside the package that uses it: the
    // core package of v3, v2's lib folder.
    const shared = path.resolve(bundledModules, '../../shared');
    const owner = bundledModules.includes('/nodejs-v2/') ? 'aws-sdk/lib/shared' : '@aws-sdk/core/shared';
    pairs.push([shared, `${SHOWN_RUNTIME}/node_modules/${owner}`]);
  }
  pairs.sort((a, b) => b[0].length - a[0].length);
  replacements = [
    ...pairs.map(([real, shown]) => [pathToFileURL(real).href, 'file://' + shown]),
    ...pairs,
  ];
}

/** `text` with the real folders replaced by the ones Lambda shows. */
export function showPaths(text) {
  let result = String(text);
  for (const [real, shown] of replacements) result = result.split(real).join(shown);
  return result;
}

/** A handler string may name an absolute root (`/var/task/src/app.handler`): the real folder. */
export function realPath(shownPath, taskRoot) {
  if (shownPath === SHOWN_TASK || shownPath.startsWith(SHOWN_TASK + '/')) {
    return taskRoot + shownPath.slice(SHOWN_TASK.length);
  }
  return shownPath;
}

/** Formats every stack trace like V8 does, with the shown folders. Installed before user code
 *  runs, so errors the handler logs itself are masked too. */
export function installStackMasking() {
  Error.prepareStackTrace = (error, frames) => {
    let head;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = '<error>';
    }
    return showPaths(head + frames.map((frame) => `\n    at ${frame}`).join(''));
  };
}
