import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJava, parseJavaMajor } from '../../scripts/lib/java';

test('the Java locator reads old and new version strings', () => {
  assert.equal(parseJavaMajor('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.equal(parseJavaMajor('openjdk version "25.0.3" 2026-04-21 LTS'), 25);
  assert.equal(parseJavaMajor('java version "1.8.0_402"'), 8);
  assert.equal(parseJavaMajor('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaMajor('no java here'), undefined);
});

test('a Java 21+ runtime for apex-ls is found without relying on PATH', () => {
  const java = findJava(21, { PATH: '' });
  assert.ok(java, 'no Java 21+ in /usr/lib/jvm or /opt: run `npm run setup`');
  assert.ok(java.major >= 21);
  console.log(`java for apex-ls: ${java.bin} (Java ${java.major})`);
});
