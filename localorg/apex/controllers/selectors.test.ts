import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_FORCE_APP } from '../../server';
import {
  CONTACT_OPTIONAL_FIELDS,
  CONTACT_REQUIRED_FIELDS,
  LIMITS,
  LIMIT_SOURCES,
  SOQL
} from './lib/selectors';
import { inlineLimitBinds } from './lib/twin';
import { UNIQUE_KEY_SOQL } from './lib/uniqueKeys';

const CLASSES = path.join(DEFAULT_FORCE_APP, 'classes');
const source = (cls: string): string => readFileSync(path.join(CLASSES, `${cls}.cls`), 'utf8');
/** One line, single spaces, no space inside parentheses (prettier breaks subqueries over lines). */
const norm = (s: string): string =>
  s.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').trim();

/** The static SOQL of one Apex method: the text inside `[...]` in the method body. */
function staticSoql(cls: string, method: string): string | undefined {
  const src = source(cls);
  const start = src.search(new RegExp(`\\b${method}\\s*\\(`));
  if (start < 0) return undefined;
  const m = /\[\s*(SELECT[\s\S]*?)\]/.exec(src.slice(start));
  return m ? norm(m[1]) : undefined;
}

describe('twin selectors read what the Apex selectors read', () => {
  for (const [name, text] of Object.entries({ ...SOQL, ...UNIQUE_KEY_SOQL })) {
    it(`${name} has the same SOQL as the .cls`, () => {
      const [cls, method] = name.split('.');
      if (
        (cls === 'ContactSelector' && method.startsWith('forOrgChart')) ||
        name === 'OrgSettingsSelector.conversionRates'
      ) {
        // Dynamic SOQL: selectClause() + a literal tail.
        assert.ok(norm(source(cls)).includes(`'${norm(text)}'`), `tail of ${name} differs from ${cls}.cls`);
        return;
      }
      assert.equal(norm(text), staticSoql(cls, method), `${name} differs from ${cls}.cls`);
    });
  }

  it('row bounds equal the Apex constants', () => {
    for (const [name, cls] of Object.entries(LIMIT_SOURCES)) {
      const m = new RegExp(`\\b${name}\\s*=\\s*(\\d+)\\s*;`).exec(source(cls));
      assert.ok(m, `${cls}.${name} not found`);
      assert.equal(LIMITS[name as keyof typeof LIMITS], Number(m[1]), `${cls}.${name}`);
    }
  });

  it('the org-chart contact field lists equal ContactSelector.REQUIRED_FIELDS / OPTIONAL_FIELDS', () => {
    const list = (constant: string): string[] => {
      const m = new RegExp(`${constant}\\s*=\\s*new List<String>\\s*\\{([^}]*)\\}`).exec(
        source('ContactSelector')
      );
      assert.ok(m, constant);
      return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
    };
    assert.deepEqual(list('REQUIRED_FIELDS'), [...CONTACT_REQUIRED_FIELDS]);
    assert.deepEqual(list('OPTIONAL_FIELDS'), [...CONTACT_OPTIONAL_FIELDS]);
  });

  it('puts bound numbers into LIMIT binds and refuses a missing one', () => {
    assert.equal(
      inlineLimitBinds('SELECT Id FROM A (SELECT Id FROM B LIMIT :x) LIMIT :y', { x: 5, y: 1 }),
      'SELECT Id FROM A (SELECT Id FROM B LIMIT 5) LIMIT 1'
    );
    assert.throws(() => inlineLimitBinds('SELECT Id FROM A LIMIT :n', {}), /LIMIT :n/);
  });
});
