// Cross-check of transaction encoding and signing against ethers v6, an independent implementation.
// stdin:  {"cases":[{"key":"0x<32 bytes>","tx":{ethers TransactionLike: type, chainId, nonce, to, gasLimit,
//          gasPrice | maxPriorityFeePerGas + maxFeePerGas, value, data, accessList}}]}
//          (integers as decimal strings; chainId "0" on a type 0 transaction means pre-EIP-155).
// stdout: {"results":[{"unsignedSerialized","unsignedHash","signed","hash","from","v"}]} in case order,
//          where hash, from and v come from ethers parsing its own signed serialization.
'use strict';
const { Transaction, Wallet } = require('ethers');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { cases } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = [];
  for (const c of cases) {
    const unsigned = Transaction.from(c.tx);
    const signed = await new Wallet(c.key).signTransaction(c.tx);
    const parsed = Transaction.from(signed);
    results.push({
      unsignedSerialized: unsigned.unsignedSerialized,
      unsignedHash: unsigned.unsignedHash,
      signed,
      hash: parsed.hash,
      from: parsed.from,
      // The v on the wire: EIP-155 2·chainId + 35 + parity, 27/28, or the typed y-parity.
      v: (parsed.type === 0 ? parsed.signature.networkV ?? BigInt(parsed.signature.v) : BigInt(parsed.signature.yParity)).toString(),
    });
  }
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
