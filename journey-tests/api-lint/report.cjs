// Prints Spectral's JSON findings for one document: every error as "error  rule  path: message", warnings as a count
// per rule, then a count line. usage: node report.cjs <service> <spectral.json>; exits 1 when there is an error.
const fs = require('fs');
const [service, file] = process.argv.slice(2);
const findings = JSON.parse(fs.readFileSync(file, 'utf8'));
const counts = [0, 0, 0, 0];
const warned = {};
for (const f of findings) {
  counts[f.severity]++;
  if (f.severity === 0) {
    console.log(`  error   ${f.code}  #/${f.path.join('/')}: ${f.message}`);
  } else if (f.severity === 1) {
    warned[f.code] = (warned[f.code] || 0) + 1;
  }
}
for (const [code, n] of Object.entries(warned).sort()) {
  console.log(`  warning ${code}: ${n}`);
}
console.log(`${service}: ${counts[0]} errors, ${counts[1]} warnings (spectral:oas + OWASP API Security 2023)`);
process.exit(counts[0] > 0 ? 1 : 0);
