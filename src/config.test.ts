import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', isDemoEnabled: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('never enables demo data in production, whatever OPENIRM_DEMO says', () => {
    expect(loadConfig({ NODE_ENV: 'production', OPENIRM_DEMO: 'true' }).isDemoEnabled).toBe(false);
    expect(loadConfig({ OPENIRM_DEMO: 'false' }).isDemoEnabled).toBe(false);
  });

  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'LOG_LEVEL']);
    }
  });

  it('lets overrides (command-line options) win over the environment', () => {
    expect(loadConfig({ PORT: '4000' }, { PORT: '5000' }).PORT).toBe(5000);
  });
});
