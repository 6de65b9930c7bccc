// ABI cross-check against ethers v6, used by tests/Ethereum.Tests/Abi. One process handles a
// whole batch: reads a JSON request on stdin, writes a JSON response on stdout.
//
// Request (every section optional):
//   encode:     [{ types: [..], values: [..] }]            -> { hex } from AbiCoder.encode
//   decode:     [{ types: [..], data: "0x.." }]            -> { values } from AbiCoder.decode
//   fragments:  ["function f(uint8 a) returns (bool)", ..]  -> { format, selector|topicHash }
//   eventLogs:  [{ fragment, values?, topics?, data? }]     -> { encoded?: {topics, data}, decoded?: values }
//   packed:     [{ types: [..], values: [..] }]            -> { hex } from solidityPacked
// Values are JSON: integers as decimal strings, bytes as 0x hex, tuples and arrays as arrays.
// Errors are returned per item as { error } so one bad case does not hide the others.
'use strict';
const { AbiCoder, Interface, Fragment, solidityPacked, Result, Indexed } = require('ethers');

const coder = AbiCoder.defaultAbiCoder();

// ethers reports some problems with console.log; stdout must carry only the JSON response.
console.log = (...args) => process.stderr.write(args.join(' ') + '\n');

function normalize(value) {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Indexed) return value.hash;
  if (value instanceof Result) return value.toArray(false).map(normalize);
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return { error: String(e && e.shortMessage ? e.shortMessage : e) };
  }
}

function main(request) {
  const response = {};
  response.encode = (request.encode || []).map(c => attempt(() => ({ hex: coder.encode(c.types, c.values) })));
  response.decode = (request.decode || []).map(c => attempt(() => ({ values: normalize(coder.decode(c.types, c.data)) })));
  response.fragments = (request.fragments || []).map(text => attempt(() => {
    const fragment = Fragment.from(text);
    const out = { format: fragment.format('sighash') };
    if (fragment.type === 'function' || fragment.type === 'error') out.selector = fragment.selector;
    if (fragment.type === 'event') out.topicHash = fragment.topicHash;
    return out;
  }));
  response.eventLogs = (request.eventLogs || []).map(c => attempt(() => {
    const fragment = Fragment.from(c.fragment);
    const iface = new Interface([fragment]);
    const out = {};
    if (c.values) out.encoded = attempt(() => iface.encodeEventLog(fragment, c.values));
    if (c.topics) out.decoded = attempt(() => normalize(iface.decodeEventLog(fragment, c.data, c.topics)));
    return out;
  }));
  response.packed = (request.packed || []).map(c => attempt(() => ({ hex: solidityPacked(c.types, c.values) })));
  return response;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(main(JSON.parse(input))));
});
