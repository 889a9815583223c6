/**
 * Every interface string exists in all six languages, none is empty, and every t('key')
 * written in the web source exists in English.
 */
import { describe, expect, it } from 'vitest';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';

const LOCALES: Record<string, unknown> = { ar, zh, en, fr, ru, es };
// Every web source file as text, read by Vite at transform time (no Node APIs needed).
const SOURCES = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const [key, leaf] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, leaf);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function placeholders(value: unknown): string[] {
  const text = typeof value === 'string' ? value : '';
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

const flat = Object.fromEntries(Object.entries(LOCALES).map(([lang, data]) => [lang, flatten(data)]));
const allKeys = new Set(Object.values(flat).flatMap((m) => [...m.keys()]));

describe('locales', () => {
  it.each(Object.keys(LOCALES))('%s has every key of every other locale', (lang) => {
    const missing = [...allKeys].filter((k) => !flat[lang]!.has(k));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(LOCALES))('%s has no empty or non-string value', (lang) => {
    const empty = [...flat[lang]!].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(Object.keys(LOCALES))('%s uses the same {{placeholders}} as English', (lang) => {
    const different = [...flat.en!]
      .filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(flat[lang]!.get(k))))
      .map(([k]) => k);
    expect(different).toEqual([]);
  });

  it('has every t() key used in the web source in en.json', () => {
    const used = new Set<string>();
    expect(Object.keys(SOURCES).length).toBeGreaterThan(30);
    for (const text of Object.values(SOURCES)) {
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"`$]+?)\1/g)) used.add(m[2]!);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !flat.en!.has(k));
    expect(missing).toEqual([]);
  });
});
