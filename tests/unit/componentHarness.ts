/**
 * Lets Node import the book's React components for server-rendering tests,
 * as Docusaurus' bundler would: a CSS module becomes an object whose class
 * names are their own keys (`styles.option` is "option"), and Docusaurus'
 * client aliases resolve to stand-ins that answer as on the server
 * (`useIsBrowser()` is false). Import this module before any component.
 */
import Module, {register} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const STUBS: Readonly<Record<string, string>> = {
  '@docusaurus/useIsBrowser': path.join(import.meta.dirname, 'stubs', 'useIsBrowser.ts'),
};

// The CommonJS path (tsx without "type": "module").
const internals = Module as unknown as {
  _extensions: Record<string, (m: {exports: unknown}) => void>;
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const cssModuleProxy = new Proxy({}, {get: (_target, key) => String(key)});
internals._extensions['.css'] = (cssModule) => {
  cssModule.exports = {__esModule: true, default: cssModuleProxy};
};
const resolveFilename = internals._resolveFilename;
internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return STUBS[request] ?? resolveFilename.call(this, request, ...rest);
};

// The ESM path.
const esmCssSource = 'export default new Proxy({}, {get: (_target, key) => String(key)});';
const stubUrls = Object.fromEntries(Object.entries(STUBS).map(([name, file]) => [name, pathToFileURL(file).href]));
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `const stubs = ${JSON.stringify(stubUrls)};` +
        'export async function resolve(specifier, context, next) {' +
        ' if (specifier in stubs) return {url: stubs[specifier], shortCircuit: true};' +
        ' return next(specifier, context); }' +
        'export async function load(url, context, next) {' +
        ` if (url.endsWith('.css')) return {format: 'module', source: ${JSON.stringify(esmCssSource)}, shortCircuit: true};` +
        ' return next(url, context); }',
    ),
);
