// Cross-check of keys and signatures against ethers v6, an independent implementation.
// stdin:  {"cases":[{"key":"0x<32 bytes>","message":"0x<bytes>","digest":"0x<32 bytes>"}]}
// stdout: {"results":[{"address","publicKey","messageSignature","digestSignature"}]} in case order.
'use strict';
const { Wallet, getBytes } = require('ethers');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { cases } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const results = [];
  for (const c of cases) {
    const wallet = new Wallet(c.key);
    results.push({
      address: wallet.address,
      // ethers gives 0x04 ‖ x ‖ y; the caller compares the 64 bytes after the prefix.
      publicKey: wallet.signingKey.publicKey,
      messageSignature: await wallet.signMessage(getBytes(c.message)),
      digestSignature: wallet.signingKey.sign(c.digest).serialized,
    });
  }
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
