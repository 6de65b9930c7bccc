// Compiles Solidity with the pinned solc-js. stdin: solc standard-JSON input; stdout: standard-JSON output.
// Exits non-zero when the compiler reports an error, printing the errors on stderr.
const solc = require('solc');

const input = require('fs').readFileSync(0, 'utf8');
const output = JSON.parse(solc.compile(input));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  process.stderr.write(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
process.stdout.write(JSON.stringify(output));
