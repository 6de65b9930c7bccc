// Dev-account cross-check with ethers v6. Input (stdin): {"mnemonic":"..","path":"m/44'/60'/0'/0/","count":10}
// Output: JSON array of {"privateKey":"0x..","address":"0x.."} derived from the mnemonic (BIP-39/BIP-32).
const { HDNodeWallet, Mnemonic } = require('ethers');

const req = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const mnemonic = Mnemonic.fromPhrase(req.mnemonic);
const out = [];
for (let i = 0; i < req.count; i++) {
  const wallet = HDNodeWallet.fromMnemonic(mnemonic, req.path + i);
  out.push({ privateKey: wallet.privateKey, address: wallet.address });
}
process.stdout.write(JSON.stringify(out));
