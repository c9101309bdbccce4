// Validate every xAPI statement of psoas-tutor submissions with Learning
// Locker's validation library (the real one, from npm; test-only).
// Usage: node validate.js SUBMISSION...   Exit 0 when every statement of
// every file passes, 1 otherwise, printing each problem with its place.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

let bad = 0;
let total = 0;
for (const file of process.argv.slice(2)) {
  let sub;
  try {
    sub = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    bad++;
    continue;
  }
  if (!Array.isArray(sub.statements) || sub.statements.length === 0) {
    console.log(`${file}: no statements`);
    bad++;
    continue;
  }
  sub.statements.forEach((st, i) => {
    total++;
    const warnings = validate(st);
    for (const w of warnings) {
      const path = (w.path || []).join('.');
      console.log(`${file}: statement ${i + 1}: ${path}: ${w.constructor.name}${w.message ? ': ' + w.message : ''}`);
    }
    if (warnings.length > 0) bad++;
  });
}
console.log(`${total} statements checked, ${bad} with problems`);
process.exit(bad === 0 && total > 0 ? 0 : 1);
