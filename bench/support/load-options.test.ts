import { describe, expect, it } from 'vitest';
import { parseLoadOptions } from './load-options.ts';
import { UsageError } from './options.ts';

describe('bench:load options', () => {
  it('defaults to the issue\'s run: 200 clients on PostgreSQL, 20 embedded, 5 minutes, unpaced', () => {
    const o = parseLoadOptions([]);
    expect(o).toMatchObject({ clients: 200, embeddedClients: 20, engines: ['pg', 'pglite'], clientRate: undefined });
    expect(o.durationS).toBe(300);
  });

  it('reads a pace per client, in both spellings', () => {
    expect(parseLoadOptions(['--client-rate', '0.5']).clientRate).toBe(0.5);
    expect(parseLoadOptions(['--client-rate=2', '--engine=pg']).engines).toEqual(['pg']);
  });

  it('refuses a pace that is missing, zero or not a number, naming the flag', () => {
    for (const bad of [['--client-rate'], ['--client-rate', '0'], ['--client-rate', 'fast'], ['--client-rate', '1000']]) {
      expect(() => parseLoadOptions(bad)).toThrow(UsageError);
      expect(() => parseLoadOptions(bad)).toThrow(/--client-rate/);
    }
  });
});
