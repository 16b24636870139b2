import { describe, expect, it } from 'vitest';
import { normalizeSite } from './site-name';

describe('normalizeSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['https://www.Example.co.uk/path?q=1', 'example.co.uk'],
    ['news.example.com', 'example.com'],
    ['  EXAMPLE.org  ', 'example.org'],
    ['http://sub.domain.example.fr:8080/', 'example.fr'],
    ['localhost', null],
    ['not a domain', null],
    ['', null],
    ['javascript:alert(1)', null],
    ['co.uk', null],
  ])('%s → %s', (input, expected) => expect(normalizeSite(input)).toBe(expected));
});
