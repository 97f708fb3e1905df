// Prints Spectral's JSON findings for one document as "severity  path  rule: message" lines plus a count line.
// usage: node report.cjs <service> <spectral.json>; exits 1 when there is at least one error.
const fs = require('fs');
const [service, file] = process.argv.slice(2);
const findings = JSON.parse(fs.readFileSync(file, 'utf8'));
const names = ['error', 'warning', 'info', 'hint'];
const counts = [0, 0, 0, 0];
for (const f of findings) {
  counts[f.severity]++;
  if (f.severity <= 1) {
    console.log(`  ${names[f.severity].padEnd(7)} ${f.code}  #/${f.path.join('/')}: ${f.message}`);
  }
}
console.log(`${service}: ${counts[0]} errors, ${counts[1]} warnings (spectral:oas)`);
process.exit(counts[0] > 0 ? 1 : 0);
