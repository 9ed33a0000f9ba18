import { describe, expect, it } from 'vitest';
import { foldForSearch } from './transliterate';

const matches = (query: string, name: string): boolean =>
  foldForSearch(name.toLowerCase()).includes(foldForSearch(query.toLowerCase()));

describe('search folding: Latin typing finds Cyrillic names', () => {
  it.each([
    ['suu', 'Сүү 1 л'],
    ['hleb', 'Хлеб белый'],
    ['khleb', 'Хлеб белый'],
    ['xleb', 'Хлеб белый'],
    ['tsai', 'Цай'],
    ['cai', 'Цай'],
    ['ondog', 'Өндөг'],
    ['shuus', 'Шүүс'],
    ['jims', 'Жимс'],
    ['zhims', 'Жимс'],
    ['moloko', 'Молоко'],
    ['chai', 'Чай'],
    ['yogurt', 'Ёгурт'],
  ])('"%s" finds "%s"', (query, name) => {
    expect(matches(query, name)).toBe(true);
  });

  it.each([
    ['suu', 'Талх'],
    ['hleb', 'Халбага'],
    ['chai', 'Цай'],
  ])('"%s" does not find "%s"', (query, name) => {
    expect(matches(query, name)).toBe(false);
  });

  it('leaves text with nothing to fold as it is, and Latin names fold like the query', () => {
    expect(foldForSearch('milk 1l')).toBe('milk 1l');
    expect(foldForSearch('сүү')).toBe('suu');
    expect(foldForSearch('хлеб')).toBe('hleb');
    expect(matches('xerox', 'Xerox paper')).toBe(true);
  });
});
