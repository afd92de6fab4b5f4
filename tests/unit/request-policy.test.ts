import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { isAllowedRequest } from '../../src/render/request-policy.js';

test('the page may load files inside its folders and data URLs, nothing else', () => {
  const roots = ['/work/report', '/opt/folio/templates'];
  const file = (p: string) => pathToFileURL(p).href;
  assert.equal(isAllowedRequest(file('/work/report/images/a.jpg'), roots), true);
  assert.equal(isAllowedRequest(file('/opt/folio/templates/base.css'), roots), true);
  assert.equal(isAllowedRequest('data:image/png;base64,AAAA', roots), true);
  assert.equal(isAllowedRequest(file('/work/report-other/x.jpg'), roots), false, 'a sibling folder with the same prefix');
  assert.equal(isAllowedRequest(file('/etc/passwd'), roots), false);
  assert.equal(isAllowedRequest('file:///work/report/../../etc/passwd', roots), false);
  assert.equal(isAllowedRequest('http://127.0.0.1:8080/x.png', roots), false);
  assert.equal(isAllowedRequest('https://example.org/font.woff2', roots), false);
});
