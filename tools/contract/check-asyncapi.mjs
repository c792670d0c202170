// Parses and validates an AsyncAPI document with the AsyncAPI Initiative's own parser (its schema and Spectral
// rules); exits non-zero on any error-level diagnostic.
import { Parser, fromFile } from '@asyncapi/parser';

const file = process.argv[2];
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
const severities = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity]} ${d.code} at ${d.path.join('.') || '/'}: ${d.message}`);
}
const errors = diagnostics.filter(d => d.severity === 0).length;
console.log(`${file}: ${errors} errors, ${document ? document.channels().length : 0} channels`);
process.exit(errors === 0 && document ? 0 : 1);
