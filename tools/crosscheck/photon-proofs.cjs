// Photon proofs and locks cross-check with ethers v6, written from DESIGN.md §5 alone (not from the C#).
// stdin: JSON {
//   "proofs": [{"type":"BalanceProof","chainId":"1","verifyingContract":"0x..","message":{..},"signature":"0x..","privateKey":"0x.."}],
//   "locks": [{"expiration":"1","amount":"2","secretHash":"0x.."}],
//   "secrets": ["0x.."],
//   "balanceHashes": [{"transferredAmount":"0","locksroot":"0x.."}],
//   "trees": [{"leaves":["0x.."],"proofs":["0x.."]}]           // proofs[i] is the C# proof of leaves[i]
// }  (every key optional; integers as decimal strings)
// stdout: JSON {
//   "encodeTypes": {"BalanceProof":"BalanceProof(...)",..},       // ethers' encodeType of each type below
//   "proofs": [{"hash","recovered","ethersSignature","ethersSigner"}], // TypedDataEncoder.hash; verifyTypedData of
//                                                                   // the given signature; ethers' own signature
//   "locks": [{"encoded","lockHash"}], "secrets": ["0x.."], "balanceHashes": ["0x.."],
//   "trees": [{"root","proofRoots":["0x.."]}]                      // proofRoots[i]: the root leaves[i] + proofs[i] lead to
// }
const { AbiCoder, TypedDataEncoder, Wallet, getBytes, hexlify, keccak256, sha256, verifyTypedData, zeroPadValue, concat } = require('ethers');

// The six normative types of DESIGN.md §5, as ethers type objects.
const TYPES = {
  BalanceProof: [
    { name: 'channelId', type: 'uint256' },
    { name: 'balanceHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'additionalHash', type: 'bytes32' },
  ],
  MonitorDelegation: [
    { name: 'channelId', type: 'uint256' },
    { name: 'balanceHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'additionalHash', type: 'bytes32' },
    { name: 'monitor', type: 'address' },
    { name: 'reward', type: 'uint256' },
  ],
  Withdraw: [
    { name: 'channelId', type: 'uint256' },
    { name: 'participant', type: 'address' },
    { name: 'totalWithdraw', type: 'uint256' },
    { name: 'expirationBlock', type: 'uint256' },
  ],
  CooperativeSettle: [
    { name: 'channelId', type: 'uint256' },
    { name: 'participant1', type: 'address' },
    { name: 'balance1', type: 'uint256' },
    { name: 'participant2', type: 'address' },
    { name: 'balance2', type: 'uint256' },
  ],
  Disposed: [
    { name: 'channelId', type: 'uint256' },
    { name: 'lockHash', type: 'bytes32' },
    { name: 'additionalHash', type: 'bytes32' },
  ],
  UnlockDelegation: [
    { name: 'channelId', type: 'uint256' },
    { name: 'delegate', type: 'address' },
    { name: 'lockHash', type: 'bytes32' },
  ],
};

const ZERO32 = '0x' + '00'.repeat(32);
const abi = AbiCoder.defaultAbiCoder();

function typesOf(name) {
  const fields = TYPES[name];
  if (!fields) throw new Error(`unknown proof type ${name}`);
  return { [name]: fields };
}

function domainOf(p) {
  return { name: 'Photon', version: '1', chainId: p.chainId, verifyingContract: p.verifyingContract };
}

// The locks tree rule: pair neighbours left to right, hash each pair smaller-first, carry an odd last
// node up as it is; the root of no leaves is zero.
function pairHash(a, b) {
  return BigInt(a) <= BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

function merkleRoot(leaves) {
  if (leaves.length === 0) return ZERO32;
  let level = leaves.map((l) => hexlify(l));
  while (level.length > 1) {
    const up = [];
    for (let i = 0; i < level.length; i += 2) up.push(i + 1 < level.length ? pairHash(level[i], level[i + 1]) : level[i]);
    level = up;
  }
  return level[0];
}

function rootFromProof(leaf, proof) {
  const bytes = getBytes(proof);
  if (bytes.length % 32 !== 0) throw new Error(`proof length ${bytes.length} is not a multiple of 32`);
  let node = hexlify(leaf);
  for (let i = 0; i < bytes.length; i += 32) node = pairHash(node, hexlify(bytes.slice(i, i + 32)));
  return node;
}

async function main() {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const out = { encodeTypes: {} };
  for (const name of Object.keys(TYPES)) out.encodeTypes[name] = TypedDataEncoder.from(typesOf(name)).encodeType(name);

  out.proofs = [];
  for (const p of input.proofs ?? []) {
    const domain = domainOf(p);
    const types = typesOf(p.type);
    const wallet = new Wallet(p.privateKey);
    out.proofs.push({
      hash: TypedDataEncoder.hash(domain, types, p.message),
      recovered: verifyTypedData(domain, types, p.message, p.signature),
      ethersSignature: await wallet.signTypedData(domain, types, p.message),
      ethersSigner: wallet.address,
    });
  }

  out.locks = (input.locks ?? []).map((l) => {
    const encoded = abi.encode(['uint256', 'uint256', 'bytes32'], [l.expiration, l.amount, l.secretHash]);
    return { encoded, lockHash: keccak256(encoded) };
  });

  out.secrets = (input.secrets ?? []).map((s) => sha256(s));

  out.balanceHashes = (input.balanceHashes ?? []).map((b) =>
    BigInt(b.transferredAmount) === 0n && BigInt(b.locksroot) === 0n
      ? ZERO32
      : keccak256(abi.encode(['uint256', 'bytes32'], [b.transferredAmount, zeroPadValue(b.locksroot, 32)])));

  out.trees = (input.trees ?? []).map((t) => ({
    root: merkleRoot(t.leaves),
    proofRoots: (t.proofs ?? []).map((proof, i) => rootFromProof(t.leaves[i], proof)),
  }));

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
