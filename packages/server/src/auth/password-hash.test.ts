import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashing', () => {
  it('accepts the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    assert.equal(await verifyPassword('correct horse battery staple', hash), true);
    assert.equal(await verifyPassword('Correct horse battery staple', hash), false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    assert.notEqual(await hashPassword('same'), await hashPassword('same'));
  });

  it('never stores the password itself', async () => {
    assert.ok(!(await hashPassword('s3cret-p4ss')).includes('s3cret-p4ss'));
  });

  it('rejects malformed stored hashes and the decoy without throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$a$b', 'bcrypt$1$2$3$4$5', decoyHash]) {
      assert.equal(await verifyPassword('anything', stored), false);
    }
  });
});
