#!/usr/bin/env node
// Compiles every Solidity source of contracts-sol (src/ recursively, and tokens/) in ONE
// standard-JSON run of the pinned solc-js with fixed settings, and writes one artifact per
// deployable contract to contracts-sol/artifacts/<ContractName>.json. The artifacts are committed
// and embedded in Photon.Contracts, so a node never compiles at run time.
//
//   node contracts-sol/compile.cjs           write the artifacts (and delete stale ones)
//   node contracts-sol/compile.cjs --check   write nothing; exit 1 if any artifact differs, is missing or is stale
//
// Every path is found from this file's own location, so the script works from any working
// directory and on a copy of contracts-sol (solc is then looked up at ../tools/node_modules/solc
// next to the copy). Invariants: the same sources give byte-identical artifacts; a compiler
// warning fails the run like an error; artifact names are contract names, so two deployable
// contracts may not share a name.
'use strict';

const fs = require('fs');
const path = require('path');

const contractsDir = __dirname;
const artifactsDir = path.join(contractsDir, 'artifacts');
const sourceRoots = ['src', 'tokens'];
// Source keys (and artifact sourceName) are repository-relative paths with this prefix whatever
// the folder is called on disk, so a copy elsewhere compiles to identical artifacts.
const keyPrefix = 'contracts-sol/';
const solcPath = path.join(contractsDir, '..', 'tools', 'node_modules', 'solc');
const regenerate = 'node contracts-sol/compile.cjs';

const settings = {
  optimizer: { enabled: true, runs: 10000 },
  evmVersion: 'cancun',
  viaIR: true,
  metadata: { bytecodeHash: 'none' },
};

// A refusal with its message for stderr; main() reports it and sets the exit code, so the output
// is flushed before node exits (process.exit could cut a piped stderr short on some platforms).
class ScriptError extends Error {}

function fail(message) {
  throw new ScriptError(message);
}

function parseArguments(argv) {
  let check = false;
  for (const argument of argv) {
    if (argument === '--check') check = true;
    else fail(`unknown argument '${argument}'\nusage: node contracts-sol/compile.cjs [--check]`);
  }
  return { check };
}

function loadSolc() {
  try {
    return require(solcPath);
  } catch (e) {
    fail(`solc is not installed at ${solcPath} (${e.message}); building a test project runs \`npm ci\` in tools/`);
  }
}

// Every .sol file under the roots, sorted, as repo-relative keys with forward slashes.
function findSources() {
  const keys = [];
  const walk = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.sol')) keys.push(keyOf(full));
    }
  };
  for (const root of sourceRoots) {
    const dir = path.join(contractsDir, root);
    if (fs.existsSync(dir)) walk(dir);
  }
  return keys.sort(compare);
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function keyOf(file) {
  return keyPrefix + path.relative(contractsDir, file).split(path.sep).join('/');
}

// The file a source key names, or null when the key points outside contracts-sol.
function fileOf(key) {
  if (!key.startsWith(keyPrefix)) return null;
  const file = path.resolve(contractsDir, ...key.slice(keyPrefix.length).split('/'));
  const relative = path.relative(contractsDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

// solc asks for imports that are not among the sources; only files of contracts-sol are served.
function findImport(key) {
  const file = fileOf(key);
  if (file === null) return { error: `import '${key}' is outside contracts-sol; only contracts-sol files can be imported` };
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { error: `cannot read import '${key}': ${e.message}` };
  }
}

function compile(solc, keys) {
  const sources = {};
  for (const key of keys) sources[key] = { content: fs.readFileSync(fileOf(key), 'utf8') };
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      ...settings,
      outputSelection: {
        '*': {
          '': ['ast'],
          '*': ['abi', 'evm.bytecode.object', 'evm.bytecode.linkReferences', 'evm.deployedBytecode.object'],
        },
      },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const problems = (output.errors || []).filter((e) => e.severity !== 'info');
  if (problems.length > 0) {
    // Warnings fail the build too: every source here is ours, and a warning is a bug until proven otherwise.
    const errors = problems.filter((e) => e.severity === 'error').length;
    fail(
      problems.map((e) => e.formattedMessage || e.message).join('\n') +
        `\ncompilation failed: ${errors} error(s), ${problems.length - errors} warning(s) (warnings count as errors)`,
    );
  }
  return output;
}

// Contracts that are not deployable on their own: interfaces, abstract contracts, libraries.
function undeployable(output) {
  const skip = new Set();
  for (const [key, source] of Object.entries(output.sources || {})) {
    for (const node of (source.ast && source.ast.nodes) || []) {
      if (node.nodeType !== 'ContractDefinition') continue;
      if (node.contractKind !== 'contract' || node.abstract) skip.add(`${key}:${node.name}`);
    }
  }
  return skip;
}

function artifactsOf(solc, output) {
  const skip = undeployable(output);
  const version = solc.version();
  const artifacts = new Map();
  const problems = [];
  for (const key of Object.keys(output.contracts || {}).sort(compare)) {
    for (const name of Object.keys(output.contracts[key]).sort(compare)) {
      const contract = output.contracts[key][name];
      const bytecode = contract.evm.bytecode.object;
      if (skip.has(`${key}:${name}`) || bytecode.length === 0) continue;
      if (Object.keys(contract.evm.bytecode.linkReferences || {}).length > 0) {
        problems.push(`${key}:${name} needs library linking, which the artifacts do not support; make the library functions internal`);
        continue;
      }
      if (artifacts.has(name)) {
        problems.push(`two contracts are named ${name} (${artifacts.get(name).sourceName} and ${key}); artifact files are named by contract, so rename one`);
        continue;
      }
      artifacts.set(name, {
        contractName: name,
        sourceName: key,
        compiler: { version, settings },
        abi: contract.abi,
        bytecode: '0x' + bytecode,
        deployedBytecode: '0x' + contract.evm.deployedBytecode.object,
      });
    }
  }
  if (problems.length > 0) fail(problems.join('\n'));
  const files = new Map();
  for (const [name, artifact] of artifacts) files.set(`${name}.json`, JSON.stringify(artifact, null, 2) + '\n');
  return files;
}

function existingArtifacts() {
  if (!fs.existsSync(artifactsDir)) return [];
  return fs
    .readdirSync(artifactsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => e.name)
    .sort(compare);
}

function check(files) {
  const differences = [];
  for (const [file, text] of files) {
    const target = path.join(artifactsDir, file);
    if (!fs.existsSync(target)) differences.push(`missing: contracts-sol/artifacts/${file}`);
    else if (fs.readFileSync(target, 'utf8') !== text) differences.push(`differs: contracts-sol/artifacts/${file}`);
  }
  for (const file of existingArtifacts()) {
    if (!files.has(file)) differences.push(`stale:   contracts-sol/artifacts/${file} (no contract of that name)`);
  }
  if (differences.length > 0) {
    fail(`the committed artifacts do not match the sources:\n  ${differences.join('\n  ')}\nregenerate them with: ${regenerate}`);
  }
  process.stdout.write(`all ${files.size} artifacts match the sources\n`);
}

function write(files) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  let changed = 0;
  for (const [file, text] of files) {
    const target = path.join(artifactsDir, file);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    fs.writeFileSync(target, text);
    changed++;
    process.stdout.write(`wrote   contracts-sol/artifacts/${file}\n`);
  }
  let removed = 0;
  for (const file of existingArtifacts()) {
    if (files.has(file)) continue;
    fs.unlinkSync(path.join(artifactsDir, file));
    removed++;
    process.stdout.write(`removed contracts-sol/artifacts/${file}\n`);
  }
  process.stdout.write(`${files.size} artifacts (${changed} written, ${removed} removed)\n`);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const solc = loadSolc();
  const keys = findSources();
  if (keys.length === 0) fail(`no .sol files under ${sourceRoots.map((r) => keyPrefix + r).join(' or ')}`);
  const files = artifactsOf(solc, compile(solc, keys));
  if (options.check) check(files);
  else write(files);
}

try {
  main();
} catch (e) {
  if (!(e instanceof ScriptError)) throw e;
  process.stderr.write(e.message.endsWith('\n') ? e.message : e.message + '\n');
  process.exitCode = 1;
}
