import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../server/indicators';

describe('toCsv', () => {
  it('header from keys in order of first appearance, CRLF after every record', () => {
    expect(
      toCsv([
        { key: 'a', value: 1 },
        { value: 2, status: 'ok' },
      ]),
    ).toBe('key,value,status\r\na,1,\r\n,2,ok\r\n');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: 'line\nbreak', d: 'cr\rhere', e: 'plain' }])).toBe(
      'a,b,c,d,e\r\n"x,y","say ""hi""","line\nbreak","cr\rhere",plain\r\n',
    );
  });

  it('writes null and undefined as empty, dates as ISO, objects as JSON, numbers as they are', () => {
    expect(
      toCsv([
        { n: null, u: undefined, d: new Date('2026-03-02T00:00:00Z'), o: { min: 2 }, x: -1.5, b: false },
      ]),
    ).toBe('n,u,d,o,x,b\r\n,,2026-03-02T00:00:00.000Z,"{""min"":2}",-1.5,false\r\n');
  });

  it('keeps typed text that looks like a formula from running as one', () => {
    expect(toCsv([{ waitingOn: '=HYPERLINK("x")' }, { waitingOn: '@team' }])).toBe(
      `waitingOn\r\n"'=HYPERLINK(""x"")"\r\n'@team\r\n`,
    );
  });

  it('given columns fix order and header, also for no rows', () => {
    expect(toCsv([{ b: 2, a: 1, c: 3 }], ['a', 'b'])).toBe('a,b\r\n1,2\r\n');
    expect(toCsv([], ['a', 'b'])).toBe('a,b\r\n');
    expect(toCsv([])).toBe('');
  });
});
