// Encodes a message with protobufjs (an independent protobuf implementation).
// stdin: {"proto": "<path to .proto>", "root": "<include root>", "type": "photon.v1.Message", "json": {...proto3 JSON...}}
// stdout: the encoding as 0x-hex.
const protobuf = require('protobufjs');
const path = require('path');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => path.join(input.root, target);
root.loadSync(path.relative(input.root, input.proto));
const type = root.lookupType(input.type);
const message = type.fromObject(input.json);
const error = type.verify(message);
if (error) {
  process.stderr.write(error);
  process.exit(1);
}
process.stdout.write('0x' + Buffer.from(type.encode(message).finish()).toString('hex'));
