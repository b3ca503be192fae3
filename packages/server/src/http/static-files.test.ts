import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { acceptsEncoding, cacheControlFor, contentTypeFor, safeSegments } from './static-files.ts';

describe('static files', () => {
  it('decodes ordinary path segments and drops empty ones', () => {
    assert.deepEqual(safeSegments('/assets//index%20copy.js'), ['assets', 'index copy.js']);
    assert.deepEqual(safeSegments('/'), []);
  });

  it('refuses segments that step out of the directory or hide a separator', () => {
    for (const path of [
      '/..',
      '/a/../b',
      '/%2e%2e/x',
      '/.%2e/x',
      '/./x',
      '/..%2fx',
      '/a%2F..%2F..%2Fx',
      '/..%5cx',
      '/x%00',
    ]) {
      assert.equal(safeSegments(path), undefined, path);
    }
    assert.equal(safeSegments('/%E0%A4%A'), undefined, 'a malformed escape');
  });

  it('never lets any path resolve outside the directory it is served from', () => {
    const root = resolve('/srv/attune/dist');
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '..%2f', '%2f', '%5c', '%00', 'assets', '', 'a.js'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const segments = safeSegments(`/${parts.join('/')}`);
        if (segments === undefined || segments.length === 0) return;
        assert.ok(resolve(root, ...segments).startsWith(root + sep), parts.join('/'));
      }),
    );
  });

  it('names the content type of each kind of file the build writes, and opaque bytes for the rest', () => {
    assert.equal(contentTypeFor('index.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeFor('index-Ab12.js'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('index-Ab12.CSS'), 'text/css; charset=utf-8');
    assert.equal(contentTypeFor('index-Ab12.js.map'), 'application/json; charset=utf-8');
    assert.equal(contentTypeFor('font.woff2'), 'font/woff2');
    assert.equal(contentTypeFor('logo.svg'), 'image/svg+xml');
    assert.equal(contentTypeFor('archive.tar'), 'application/octet-stream');
  });

  it('lets browsers keep hashed assets for a year and revalidate everything else', () => {
    assert.equal(cacheControlFor('/assets/index-Ab12.js'), 'public, max-age=31536000, immutable');
    assert.equal(cacheControlFor('/index.html'), 'no-cache');
    assert.equal(cacheControlFor('/robots.txt'), 'no-cache');
  });

  it('reads Accept-Encoding as browsers and proxies send it', () => {
    assert.equal(acceptsEncoding('gzip, deflate, br, zstd', 'br'), true);
    assert.equal(acceptsEncoding('GZIP', 'gzip'), true);
    assert.equal(acceptsEncoding('gzip;q=1.0, br;q=0', 'br'), false);
    assert.equal(acceptsEncoding('br; q=0.5', 'br'), true);
    assert.equal(acceptsEncoding('*', 'br'), true);
    assert.equal(acceptsEncoding('*;q=0, gzip', 'br'), false);
    assert.equal(acceptsEncoding('identity', 'gzip'), false);
    assert.equal(acceptsEncoding(undefined, 'gzip'), false);
    assert.equal(acceptsEncoding('', 'gzip'), false);
  });
});
