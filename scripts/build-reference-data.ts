/**
 * @module build-reference-data
 * Builds the reference data shipped in data/reference (parties.json, convention.json,
 * mechanism.json) from the team's research folder, so the shipped files can be regenerated
 * and diffed whenever the research is corrected.
 *
 * Usage: node --import tsx scripts/build-reference-data.ts <path-to-shared-reference-folder>
 *
 * Output is deterministic (fixed ordering, fixed key order, trailing newline): running the
 * script twice gives identical bytes, so a diff only ever shows a change in the sources.
 * Every inconsistency in the sources stops the script instead of being written out.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
type Lang = (typeof LANGS)[number];
type OtherLang = Exclude<Lang, 'en'>;
const OTHER_LANGS: readonly OtherLang[] = ['ar', 'zh', 'fr', 'ru', 'es'];
type NameSource = 'un' | 'cldr';

const REGIONAL_GROUP_SLUGS: Record<string, string> = {
  'African States': 'african',
  'Asia-Pacific States': 'asia-pacific',
  'Eastern European States': 'eastern-european',
  'Latin American and Caribbean States': 'latin-american-caribbean',
  'Western European and other States': 'western-european-other',
};

/**
 * The CSV writes the European Union as "EU"; the database and the reference-file schema
 * require three letters, and EUU is the code commonly used for the EU as an entity.
 */
const ISO3_OVERRIDES: Record<string, string> = { EU: 'EUU' };
/** ISO 3166-1 has no alpha-2 for the EU, but "EU" is exceptionally reserved for it. */
const ISO2_OVERRIDES: Record<string, string> = { EUU: 'EU' };

/**
 * Parties whose date of becoming a party is known only to the year. Source: the team's
 * reference, irm-facts.md §10b "Year only" (New Zealand by 2 Dec 2015; Samoa Apr 2018;
 * Equatorial Guinea 2018; Tonga Feb 2020; Suriname 2021; Barbados 2023). They are given
 * 31 December of that year, i.e. "a party by the end of the year" (see domain/parties/party.ts).
 */
const YEAR_ONLY_ACCESSIONS: Record<string, number> = {
  NZL: 2015,
  WSM: 2018,
  GNQ: 2018,
  TON: 2020,
  SUR: 2021,
  BRB: 2023,
};

/*
 * ---------------------------------------------------------------------------------------
 * HAND-SUPPLIED UN SHORT NAMES (nameSources = 'un')
 *
 * Supplied by hand from United Nations terminology, for the rows whose UN short name
 * differs from the common name, for Türkiye, and for the non-member entities, because
 * CLDR (Intl.DisplayNames) gives common names there ("Bolivie", "Corée du Sud",
 * "Territoires palestiniens"), which UN documents do not use. Only names we were confident
 * of are listed; every other language falls back to CLDR and is marked 'cldr'.
 * Cross-checked against the UNTERM short-name and UNSD M49 columns of the public
 * datasets/country-codes table (which predates the 2022 Türkiye and 2023 Netherlands
 * changes; those two come from the UN announcements). Chinese uses full-width
 * parentheses as UN Chinese documents do.
 *
 * TO DO before go-live: check every entry against UNTERM (https://unterm.un.org).
 * ---------------------------------------------------------------------------------------
 */
const UN_NAMES: Record<string, Partial<Record<OtherLang, string>>> = {
  BOL: {
    ar: 'بوليفيا (دولة - المتعددة القوميات)',
    zh: '玻利维亚（多民族国）',
    fr: 'Bolivie (État plurinational de)',
    ru: 'Боливия (Многонациональное Государство)',
    es: 'Bolivia (Estado Plurinacional de)',
  },
  BRN: {
    ar: 'بروني دار السلام',
    zh: '文莱达鲁萨兰国',
    fr: 'Brunéi Darussalam',
    ru: 'Бруней-Даруссалам',
    es: 'Brunei Darussalam',
  },
  CPV: { ar: 'كابو فيردي', zh: '佛得角', fr: 'Cabo Verde', ru: 'Кабо-Верде', es: 'Cabo Verde' },
  COD: {
    ar: 'جمهورية الكونغو الديمقراطية',
    zh: '刚果民主共和国',
    fr: 'République démocratique du Congo',
    ru: 'Демократическая Республика Конго',
    es: 'República Democrática del Congo',
  },
  IRN: {
    ar: 'إيران (جمهورية - الإسلامية)',
    zh: '伊朗（伊斯兰共和国）',
    fr: "Iran (République islamique d')",
    ru: 'Иран (Исламская Республика)',
    es: 'Irán (República Islámica del)',
  },
  CIV: { ar: 'كوت ديفوار', zh: '科特迪瓦', fr: "Côte d'Ivoire", ru: "Кот-д'Ивуар", es: "Côte d'Ivoire" },
  LAO: {
    ar: 'جمهورية لاو الديمقراطية الشعبية',
    zh: '老挝人民民主共和国',
    fr: 'République démocratique populaire lao',
    ru: 'Лаосская Народно-Демократическая Республика',
    es: 'República Democrática Popular Lao',
  },
  FSM: {
    ar: 'ميكرونيزيا (ولايات - الموحدة)',
    zh: '密克罗尼西亚（联邦）',
    fr: 'Micronésie (États fédérés de)',
    ru: 'Микронезия (Федеративные Штаты)',
    es: 'Micronesia (Estados Federados de)',
  },
  MDA: {
    ar: 'جمهورية مولدوفا',
    zh: '摩尔多瓦共和国',
    fr: 'République de Moldova',
    ru: 'Республика Молдова',
    es: 'República de Moldova',
  },
  // Arabic and Chinese forms of the 2023 name were not confirmed: CLDR kept for those.
  NLD: { fr: 'Pays-Bas (Royaume des)', ru: 'Нидерланды (Королевство)', es: 'Países Bajos (Reino de los)' },
  PRK: {
    ar: 'جمهورية كوريا الشعبية الديمقراطية',
    zh: '朝鲜民主主义人民共和国',
    fr: 'République populaire démocratique de Corée',
    ru: 'Корейская Народно-Демократическая Республика',
    es: 'República Popular Democrática de Corea',
  },
  RUS: {
    ar: 'الاتحاد الروسي',
    zh: '俄罗斯联邦',
    fr: 'Fédération de Russie',
    ru: 'Российская Федерация',
    es: 'Federación de Rusia',
  },
  KOR: { ar: 'جمهورية كوريا', zh: '大韩民国', fr: 'République de Corée', ru: 'Республика Корея', es: 'República de Corea' },
  SYR: {
    ar: 'الجمهورية العربية السورية',
    zh: '阿拉伯叙利亚共和国',
    fr: 'République arabe syrienne',
    ru: 'Сирийская Арабская Республика',
    es: 'República Árabe Siria',
  },
  STP: {
    ar: 'سان تومي وبرينسيبي',
    zh: '圣多美和普林西比',
    fr: 'Sao Tomé-et-Principe',
    ru: 'Сан-Томе и Принсипи',
    es: 'Santo Tomé y Príncipe',
  },
  TZA: {
    ar: 'جمهورية تنزانيا المتحدة',
    zh: '坦桑尼亚联合共和国',
    fr: 'République-Unie de Tanzanie',
    ru: 'Объединенная Республика Танзания',
    es: 'República Unida de Tanzanía',
  },
  // Only the Latin-script forms of the 2022 name are certain; CLDR kept for ar, zh, ru.
  TUR: { fr: 'Türkiye', es: 'Türkiye' },
  GBR: {
    ar: 'المملكة المتحدة لبريطانيا العظمى وآيرلندا الشمالية',
    zh: '大不列颠及北爱尔兰联合王国',
    fr: "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    ru: 'Соединенное Королевство Великобритании и Северной Ирландии',
    es: 'Reino Unido de Gran Bretaña e Irlanda del Norte',
  },
  USA: {
    ar: 'الولايات المتحدة الأمريكية',
    zh: '美利坚合众国',
    fr: "États-Unis d'Amérique",
    ru: 'Соединенные Штаты Америки',
    es: 'Estados Unidos de América',
  },
  VEN: {
    ar: 'فنزويلا (جمهورية - البوليفارية)',
    zh: '委内瑞拉（玻利瓦尔共和国）',
    fr: 'Venezuela (République bolivarienne du)',
    ru: 'Венесуэла (Боливарианская Республика)',
    es: 'Venezuela (República Bolivariana de)',
  },
  VNM: { ar: 'فييت نام', zh: '越南', fr: 'Viet Nam', ru: 'Вьетнам', es: 'Viet Nam' },
  // Non-member entities.
  PSE: { ar: 'دولة فلسطين', zh: '巴勒斯坦国', fr: 'État de Palestine', ru: 'Государство Палестина', es: 'Estado de Palestina' },
  COK: { ar: 'جزر كوك', zh: '库克群岛', fr: 'Îles Cook', ru: 'Острова Кука', es: 'Islas Cook' },
  NIU: { ar: 'نيوي', zh: '纽埃', fr: 'Nioué', ru: 'Ниуэ', es: 'Niue' },
  VAT: { ar: 'الكرسي الرسولي', zh: '教廷', fr: 'Saint-Siège', ru: 'Святой Престол', es: 'Santa Sede' },
  EUU: { ar: 'الاتحاد الأوروبي', zh: '欧洲联盟', fr: 'Union européenne', ru: 'Европейский союз', es: 'Unión Europea' },
};
/* ------------------------------- end of hand-supplied names ------------------------------- */

const PARTIES_SOURCE = 'reference/states-parties.csv';

function fail(message: string): never {
  throw new Error(`build-reference-data: ${message}`);
}

/** RFC 4180 parsing: the notes column holds quoted commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) fail('unterminated quoted field in the CSV');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function readCsvRecords(file: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (!header) fail(`${file} is empty`);
  return body.map((cells, index) => {
    if (cells.length !== header.length) fail(`${file} line ${index + 2} has ${cells.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function parseBool(value: string | undefined, where: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fail(`${where}: expected true or false, got ${JSON.stringify(value)}`);
}

/**
 * CLDR names come from Node's own ICU data, so another Node major version may change a few
 * of them: regenerate with the Node version the project pins and review the diff.
 */
function cldrName(lang: OtherLang, iso2: string): string {
  // fallback 'none' makes a missing CLDR entry come back undefined instead of the bare code.
  const name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(iso2);
  if (!name) fail(`no CLDR name in ${lang} for ${iso2}`);
  return name;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

type Accession = { effectiveOn: string | null; precision: 'day' | 'year' | 'unknown' };

function accessionOf(iso3: string, isParty: boolean, joined: string): Accession | null {
  const year = YEAR_ONLY_ACCESSIONS[iso3];
  if (!isParty) {
    if (joined !== '' || year !== undefined) fail(`${iso3} is marked as not a party but has a date`);
    return null;
  }
  if (joined !== '') {
    if (year !== undefined) fail(`${iso3} has a full date in the CSV and a year-only entry in the script; keep one`);
    if (!isCalendarDate(joined)) fail(`${iso3}: joined ${JSON.stringify(joined)} is not a calendar date`);
    return { effectiveOn: joined, precision: 'day' };
  }
  if (year !== undefined) return { effectiveOn: `${year}-12-31`, precision: 'year' };
  return { effectiveOn: null, precision: 'unknown' };
}

function buildParties(referenceDir: string) {
  const records = readCsvRecords(path.join(referenceDir, 'states-parties.csv'));
  const usedUnNames = new Set<string>();
  const usedYearOnly = new Set<string>();
  const parties = records.map((r) => {
    const csvIso3 = r.iso3 ?? '';
    const iso3 = ISO3_OVERRIDES[csvIso3] ?? csvIso3;
    if (!/^[A-Z]{3}$/.test(iso3)) fail(`bad iso3 ${JSON.stringify(csvIso3)}`);
    const where = `row ${iso3}`;
    const isReio = iso3 === 'EUU';
    const iso2 = ISO2_OVERRIDES[iso3] ?? countries.alpha3ToAlpha2(iso3);
    if (!iso2) fail(`${where}: i18n-iso-countries has no alpha-2 code for ${iso3}`);

    const groupText = (r.regional_group ?? '').trim();
    let regionalGroup: string | null;
    if (groupText === '') {
      if (!isReio) fail(`${where}: only the European Union may have no regional group`);
      regionalGroup = null;
    } else {
      regionalGroup = REGIONAL_GROUP_SLUGS[groupText] ?? fail(`${where}: unknown regional group ${JSON.stringify(groupText)}`);
      if (isReio) fail(`${where}: the European Union belongs to no regional group`);
    }

    const nameUn = (r.name_un ?? '').trim();
    const nameCommon = (r.name_en ?? '').trim();
    if (!nameUn || !nameCommon) fail(`${where}: missing name`);

    const handSupplied = UN_NAMES[iso3] ?? {};
    if (UN_NAMES[iso3]) usedUnNames.add(iso3);
    const names = { en: nameUn } as Record<Lang, string>;
    const nameSources = { en: 'un' } as Record<Lang, NameSource>;
    for (const lang of OTHER_LANGS) {
      const un = handSupplied[lang];
      names[lang] = un ?? cldrName(lang, iso2);
      nameSources[lang] = un ? 'un' : 'cldr';
    }

    const isParty = parseBool(r.uncac_party, `${where} uncac_party`);
    if (YEAR_ONLY_ACCESSIONS[iso3] !== undefined) usedYearOnly.add(iso3);

    return {
      iso3,
      iso2,
      nameCommon,
      nameUn,
      names: Object.fromEntries(LANGS.map((l) => [l, names[l]])) as Record<Lang, string>,
      nameSources: Object.fromEntries(LANGS.map((l) => [l, nameSources[l]])) as Record<Lang, NameSource>,
      regionalGroup,
      kind: isReio ? 'reio' : 'state',
      isUnMember: parseBool(r.un_member, `${where} un_member`),
      accession: accessionOf(iso3, isParty, (r.joined ?? '').trim()),
      source: PARTIES_SOURCE,
    };
  });

  // A hand-supplied entry that matches no row is a typo that would silently fall back to CLDR.
  for (const iso3 of Object.keys(UN_NAMES)) if (!usedUnNames.has(iso3)) fail(`UN_NAMES has ${iso3}, which is not in the CSV`);
  for (const iso3 of Object.keys(YEAR_ONLY_ACCESSIONS)) if (!usedYearOnly.has(iso3)) fail(`YEAR_ONLY_ACCESSIONS has ${iso3}, which is not in the CSV`);
  for (const key of ['iso3', 'iso2'] as const) {
    const seen = new Set<string>();
    for (const p of parties) {
      if (seen.has(p[key])) fail(`duplicate ${key} ${p[key]}`);
      seen.add(p[key]);
    }
  }
  // Code-point order, not localeCompare, so the output does not depend on the ICU version.
  return parties.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
}

const OBLIGATION_MAP: Record<string, string> = {
  mandatory: 'mandatory',
  consider: 'consider',
  optional: 'optional',
  'definition/other': 'definition',
};
const PARTS = new Set(['article', 'paragraph', 'subparagraph', 'chapeau']);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

interface SourceProvision {
  id: string;
  label: string;
  part: string;
  paragraph: number | null;
  subparagraph: string | null;
  obligation: string;
  items?: string[];
  note?: string;
}
interface SourceStructure {
  instrument: string;
  chapters: { number: string; title: string; articles: { number: number; title: string; provisions: SourceProvision[] }[] }[];
}

function buildConvention(referenceDir: string) {
  const source = JSON.parse(readFileSync(path.join(referenceDir, 'uncac-structure.json'), 'utf8')) as SourceStructure;
  if (source.instrument !== 'UNCAC') fail(`uncac-structure.json is for ${source.instrument}, expected UNCAC`);
  const provisionIds = new Set<string>();
  let expectedArticle = 1;
  const chapters = source.chapters.map((ch, chIndex) => {
    if (ch.number !== ROMAN[chIndex]) fail(`chapter ${chIndex + 1} is numbered ${ch.number}`);
    return {
      number: ch.number,
      ordinal: chIndex + 1,
      title: ch.title,
      articles: ch.articles.map((a) => {
        // Articles run 1..71 without gaps across chapters; a gap means a lost article.
        if (a.number !== expectedArticle) fail(`expected article ${expectedArticle}, found ${a.number}`);
        expectedArticle++;
        return {
          number: a.number,
          title: a.title,
          provisions: a.provisions.map((p) => {
            const where = `provision ${p.id}`;
            if (provisionIds.has(p.id)) fail(`${where} appears twice`);
            provisionIds.add(p.id);
            if (!PARTS.has(p.part)) fail(`${where}: unknown part ${p.part}`);
            if (p.paragraph !== null && !Number.isInteger(p.paragraph)) fail(`${where}: paragraph is not an integer`);
            const obligation = OBLIGATION_MAP[p.obligation] ?? fail(`${where}: unknown obligation ${p.obligation}`);
            return {
              id: p.id,
              label: p.label,
              part: p.part,
              paragraph: p.paragraph,
              subparagraph: p.subparagraph,
              obligation,
              ...(p.items ? { items: p.items } : {}),
              ...(p.note ? { note: p.note } : {}),
            };
          }),
        };
      }),
    };
  });
  const articleCount = chapters.reduce((n, c) => n + c.articles.length, 0);
  const provisionCount = chapters.reduce((n, c) => n + c.articles.reduce((m, a) => m + a.provisions.length, 0), 0);
  if (chapters.length !== 8 || articleCount !== 71 || provisionCount !== 366) {
    fail(`expected 8 chapters, 71 articles, 366 provisions; got ${chapters.length}, ${articleCount}, ${provisionCount}`);
  }
  return {
    instrument: { code: 'UNCAC', title: 'United Nations Convention against Corruption' },
    source: 'reference/uncac-structure.json (structure and English titles; no treaty text)',
    chapters,
  };
}

function buildMechanism() {
  return {
    mechanism: {
      id: 'uncac-irm',
      name: 'Mechanism for the Review of Implementation of the United Nations Convention against Corruption',
      instrumentCode: 'UNCAC',
      settings: {
        reviewersPerReview: 2,
        sameRegionReviewers: 1,
        maxRedrawRequests: 2,
        cycleYears: 5,
        reviewYears: 4,
        // The drawing of lots' rule settings (docs/LOTS.md); the cap of three is believed, not confirmed.
        lots: { secondReviewerGroup: 'any', mutualScope: 'cycle', maxReviewsPerCycle: 3, maxReviewsPerYear: null, preferSameLegalSystem: true },
      },
    },
    notes:
      'The months are from the reference (first cycle launched June 2010, second cycle launched at CoSP 6 in November 2015 and extended to June 2024), but the exact days (2010-07-01, 2015-06-30, 2015-11-06, 2020-11-05, 2024-06-30) and the second cycle starting its first cohort year in 2016 are assumptions; the reference does not list the States under review per year, so there are no cohorts.',
    cycles: [
      {
        number: 1,
        title: 'First review cycle',
        chapters: ['III', 'IV'],
        startsOn: '2010-07-01',
        endsOn: '2015-06-30',
        extendedTo: null,
        years: 5,
        firstYear: 2010,
      },
      {
        number: 2,
        title: 'Second review cycle',
        chapters: ['II', 'V'],
        startsOn: '2015-11-06',
        endsOn: '2020-11-05',
        extendedTo: '2024-06-30',
        years: 5,
        firstYear: 2016,
      },
    ],
    cohorts: [],
  };
}

/**
 * Anything holding a list of records is spread over lines; everything else (a party, a
 * provision, a cycle) stays on one line. Diffs then show one line per changed record while
 * the files stay readable.
 */
function holdsRecordList(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => (typeof v === 'object' && v !== null) || holdsRecordList(v));
  if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsRecordList);
  return false;
}

function formatValue(value: unknown, indent: string): string {
  if (!holdsRecordList(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${formatValue(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, inner)}`).join(',\n')}\n${indent}}`;
}

function formatJson(value: unknown): string {
  return `${formatValue(value, '')}\n`;
}

function main(): void {
  const referenceDir = process.argv[2];
  if (!referenceDir) {
    console.error('Usage: node --import tsx scripts/build-reference-data.ts <path-to-shared-reference-folder>');
    process.exit(2);
  }
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/reference');
  const parties = buildParties(referenceDir);
  const convention = buildConvention(referenceDir);
  const mechanism = buildMechanism();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'parties.json'), formatJson(parties));
  writeFileSync(path.join(outDir, 'convention.json'), formatJson(convention));
  writeFileSync(path.join(outDir, 'mechanism.json'), formatJson(mechanism));
  const withAccession = parties.filter((p) => p.accession !== null).length;
  const unNames = parties.reduce((n, p) => n + Object.values(p.nameSources).filter((s) => s === 'un').length - 1, 0);
  console.log(`Wrote ${parties.length} parties (${withAccession} parties to the Convention, ${unNames} hand-supplied UN names) to ${outDir}`);
}

main();
