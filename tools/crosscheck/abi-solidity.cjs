// Real-Solidity ABI probe, used by tests/Ethereum.Tests/Abi: compiles a contract with solc-js,
// deploys it on a fresh Anvil, runs the calls and transactions the test encoded, and returns
// what the EVM produced (return data, revert data, logs) together with solc's own ABI and
// method identifiers and ethers' view of event topics and error selectors.
//
// Request:  { source, contract, calls: ["0x.."], transactions: ["0x.."] }
// Response: { abi, methodIdentifiers, eventTopics: {sig: topic}, errorSelectors: {sig: selector},
//             calls: [{ ok, data }], transactions: [{ ok, logs: [{ topics, data }] }] }
'use strict';
const path = require('path');
const net = require('net');
const { spawn } = require('child_process');
const solc = require('solc');
const { Interface } = require('ethers');

const anvilPath = path.join(__dirname, '..', 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil');

function compile(source, contract) {
  const input = {
    language: 'Solidity',
    sources: { 'Probe.sol': { content: source } },
    settings: { outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors || []).filter(e => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(e => e.formattedMessage).join('\n'));
  return output.contracts['Probe.sol'][contract];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function rpc(url, method, params) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

async function waitForAnvil(url, anvil) {
  for (let i = 0; i < 200; i++) {
    if (anvil.exitCode !== null) throw new Error(`anvil exited with ${anvil.exitCode}`);
    try {
      const reply = await rpc(url, 'eth_chainId', []);
      if (reply.result) return;
    } catch (e) {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('anvil did not start');
}

async function send(url, from, to, data) {
  const tx = { from, data, gas: '0x1c9c380' };
  if (to) tx.to = to;
  const sent = await rpc(url, 'eth_sendTransaction', [tx]);
  if (sent.error) return { ok: false, error: sent.error };
  // Anvil may answer with the hash before the block holding it is mined (under load it often does).
  for (let i = 0; i < 600; i++) {
    const receipt = (await rpc(url, 'eth_getTransactionReceipt', [sent.result])).result;
    if (receipt) return { ok: receipt.status === '0x1', receipt };
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`no receipt for ${sent.result} after 30 s`);
}

async function main(request) {
  const compiled = compile(request.source, request.contract);
  const iface = new Interface(compiled.abi);
  const eventTopics = {};
  iface.forEachEvent(e => { eventTopics[e.format('sighash')] = e.topicHash; });
  const errorSelectors = {};
  iface.forEachError(e => { errorSelectors[e.format('sighash')] = e.selector; });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const anvil = spawn(anvilPath, ['--port', String(port), '--host', '127.0.0.1', '--quiet', '--accounts', '1'], { stdio: 'ignore' });
  try {
    await waitForAnvil(url, anvil);
    const [from] = (await rpc(url, 'eth_accounts', [])).result;
    const deployed = await send(url, from, null, '0x' + compiled.evm.bytecode.object);
    if (!deployed.ok) throw new Error('deployment failed: ' + JSON.stringify(deployed));
    const address = deployed.receipt.contractAddress;

    const calls = [];
    for (const data of request.calls || []) {
      const reply = await rpc(url, 'eth_call', [{ from, to: address, data }, 'latest']);
      calls.push(reply.error ? { ok: false, data: reply.error.data || null, message: reply.error.message } : { ok: true, data: reply.result });
    }
    const transactions = [];
    for (const data of request.transactions || []) {
      const result = await send(url, from, address, data);
      transactions.push({
        ok: result.ok,
        logs: result.receipt ? result.receipt.logs.map(l => ({ topics: l.topics, data: l.data })) : [],
      });
    }
    return { from, abi: compiled.abi, methodIdentifiers: compiled.evm.methodIdentifiers, eventTopics, errorSelectors, calls, transactions };
  } finally {
    anvil.kill('SIGKILL');
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  main(JSON.parse(input))
    .then(result => process.stdout.write(JSON.stringify(result)))
    .catch(e => { process.stderr.write(String(e && e.stack ? e.stack : e)); process.exit(1); });
});
