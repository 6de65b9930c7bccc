// Cross-check of the relay envelope (docs/relay.md) with Node's own crypto (ECDH secp256k1,
// HKDF-SHA256, AES-256-GCM) and ethers for addresses: an implementation written from the spec.
// stdin:  {"open":[{"recipientKey":"0x<32>","sender":"0x<20>","body":"0x…"}],
//          "seal":[{"ephemeralKey":"0x<32>","recipientPublicKey":"0x<64 x‖y>","sender":"0x<20>","nonce":"0x<12>","plaintext":"0x…"}]}
// stdout: {"opened":["0x<plaintext>"],"sealed":["0x<body>"]} in case order.
'use strict';
const crypto = require('crypto');
const { computeAddress, getBytes, hexlify } = require('ethers');

const INFO = Buffer.from('photon-relay-v1', 'ascii');

function bytes(hex) {
  return Buffer.from(getBytes(hex));
}

function deriveKey(ephemeralPublic64, sharedX, recipientAddress) {
  const info = Buffer.concat([INFO, recipientAddress]);
  return Buffer.from(crypto.hkdfSync('sha256', sharedX, ephemeralPublic64, info, 32));
}

function associatedData(sender, recipient) {
  return Buffer.concat([Buffer.from([1]), sender, recipient]);
}

function open(c) {
  const recipientKey = bytes(c.recipientKey);
  const body = bytes(c.body);
  if (body[0] !== 1) throw new Error(`version ${body[0]}`);
  const ephemeralPublic = body.subarray(1, 65);
  const nonce = body.subarray(65, 77);
  const ciphertext = body.subarray(77, body.length - 16);
  const tag = body.subarray(body.length - 16);
  const ecdh = crypto.createECDH('secp256k1');
  ecdh.setPrivateKey(recipientKey);
  const recipient = bytes(computeAddress(hexlify(recipientKey)));
  // Node's computeSecret is the x coordinate of the shared point.
  const sharedX = ecdh.computeSecret(Buffer.concat([Buffer.from([4]), ephemeralPublic]));
  const key = deriveKey(ephemeralPublic, sharedX, recipient);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  decipher.setAAD(associatedData(bytes(c.sender), recipient));
  decipher.setAuthTag(tag);
  return hexlify(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
}

function seal(c) {
  const ecdh = crypto.createECDH('secp256k1');
  ecdh.setPrivateKey(bytes(c.ephemeralKey));
  const ephemeralPublic = ecdh.getPublicKey().subarray(1);
  const recipientPublic = bytes(c.recipientPublicKey);
  const recipient = bytes(computeAddress(hexlify(Buffer.concat([Buffer.from([4]), recipientPublic]))));
  const sharedX = ecdh.computeSecret(Buffer.concat([Buffer.from([4]), recipientPublic]));
  const key = deriveKey(ephemeralPublic, sharedX, recipient);
  const nonce = bytes(c.nonce);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  cipher.setAAD(associatedData(bytes(c.sender), recipient));
  const ciphertext = Buffer.concat([cipher.update(bytes(c.plaintext)), cipher.final()]);
  return hexlify(Buffer.concat([Buffer.from([1]), ephemeralPublic, nonce, ciphertext, cipher.getAuthTag()]));
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const opened = (input.open || []).map(open);
  const sealed = (input.seal || []).map(seal);
  process.stdout.write(JSON.stringify({ opened, sealed }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
