// Keystore cross-check with ethers v6. Input (stdin): JSON array of requests
//   {"op":"encrypt","privateKey":"0x..","password":"..","n":1024}  -> {"json":"..."}
//   {"op":"decrypt","json":"...","password":".."}                  -> {"address":"0x..","privateKey":"0x.."}
// Output: JSON array of results in the same order.
const { encryptKeystoreJsonSync, decryptKeystoreJsonSync, computeAddress } = require('ethers');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.map((req) => {
  if (req.op === 'encrypt') {
    const account = { privateKey: req.privateKey, address: computeAddress(req.privateKey) };
    return { json: encryptKeystoreJsonSync(account, req.password, { scrypt: { N: req.n } }) };
  }
  if (req.op === 'decrypt') {
    const account = decryptKeystoreJsonSync(req.json, req.password);
    return { address: account.address, privateKey: account.privateKey };
  }
  throw new Error('unknown op ' + req.op);
});
process.stdout.write(JSON.stringify(out));
