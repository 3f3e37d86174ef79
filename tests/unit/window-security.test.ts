import { describe, expect, it } from 'vitest';
import { CSP, isAllowedExternal } from '../../src-main/window-security';

describe('isAllowedExternal', () => {
  it.each([
    'https://developers.facebook.com/docs/whatsapp/cloud-api',
    'https://business.facebook.com/wa/manage/home/',
    'https://github.com/herald/herald/issues',
  ])('opens %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://github.com/'],
    ['a look-alike host', 'https://github.com.evil.example/'],
    ['a subdomain not on the list', 'https://gist.github.com/'],
    ['embedded credentials', 'https://user@github.com/'],
    ['an explicit port', 'https://github.com:8443/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('CSP', () => {
  it('allows no inline or remote scripts, plugins or base rewriting', () => {
    const directives = new Map(CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });
});
