import { XMLValidator } from 'fast-xml-parser';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FORCE_APP, relative, walk } from '../../scripts/lib/paths';

test('every XML file under force-app is well-formed', async () => {
  const files = (await walk(FORCE_APP)).filter((f) => f.endsWith('.xml'));
  assert.ok(files.length > 0, 'no XML files found under force-app');
  const problems: string[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true)
      problems.push(`${relative(file)}:${result.err.line}:${result.err.col} ${result.err.msg}`);
  }
  assert.deepEqual(problems, [], `malformed XML:\n${problems.join('\n')}`);
});

test('every metadata file declares the metadata namespace', async () => {
  const files = (await walk(FORCE_APP)).filter((f) => f.endsWith('-meta.xml'));
  const missing = files.filter(
    (f) => !readFileSync(f, 'utf8').includes('xmlns="http://soap.sforce.com/2006/04/metadata"')
  );
  assert.deepEqual(
    missing.map(relative),
    [],
    'metadata files without xmlns="http://soap.sforce.com/2006/04/metadata"'
  );
});
