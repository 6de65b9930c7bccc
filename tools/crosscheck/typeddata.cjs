// EIP-712 cross-check with ethers v6. stdin: JSON array of
//   {"types":{...without EIP712Domain...},"primaryType":"..","domain":{..},"message":{..},"privateKey":"0x.."}
// stdout: JSON array of {"domainSeparator":"0x..","hash":"0x..","signature":"0x.."}.
const { TypedDataEncoder, SigningKey } = require('ethers');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.map((c) => {
  const encoder = TypedDataEncoder.from(c.types);
  if (encoder.primaryType !== c.primaryType) throw new Error(`ethers sees primary type ${encoder.primaryType}, case says ${c.primaryType}`);
  const hash = TypedDataEncoder.hash(c.domain, c.types, c.message);
  return {
    encodeType: encoder.encodeType(c.primaryType),
    domainSeparator: TypedDataEncoder.hashDomain(c.domain),
    hash,
    signature: new SigningKey(c.privateKey).sign(hash).serialized,
  };
});
process.stdout.write(JSON.stringify(out));
