import { describe, expect, it } from 'vitest';
import parties from '../../../data/reference/parties.json' with { type: 'json' };
import type { UnLanguage } from '../parties/party.ts';
import { attendanceParagraphs, joinList, numberParagraphs, unOrder, type AttendanceDelegation } from './attendance.ts';
import type { ObserverCategory } from './registration.ts';

const byIso = new Map(parties.map((p) => [p.iso3, p]));
const LANGS: UnLanguage[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

function state(iso3: string, attended = true, kind: 'party' | 'signatory' | 'reio' = 'party', override: Partial<Record<UnLanguage, string>> = {}): AttendanceDelegation {
  const p = byIso.get(iso3);
  if (!p) throw new Error(`no ${iso3} in the parties data`);
  return { kind, category: null, names: { ...(p.names as Record<UnLanguage, string>), ...override }, attended };
}
function observer(name: string, category: ObserverCategory, attended = true, sortAs: string | null = null): AttendanceDelegation {
  return { kind: 'observer', category, names: Object.fromEntries(LANGS.map((l) => [l, name])) as Record<UnLanguage, string>, attended, sortAs };
}

/**
 * CAC/COSP/IRG/2020/… (second resumed eleventh session, 16–18 November 2020), paragraphs 6–11,
 * copied from ../shared/reference/000_cb3b978250e954ae.txt (paragraph 6 runs across a footnote
 * there; it is joined with one space).
 */
const REFERENCE = "6. The following States parties to the Convention were represented at the session: Afghanistan, Albania, Algeria, Argentina, Armenia, Australia, Austria, Azerbaijan, Belgium, Bolivia (Plurinational State of), Brazil, Bulgaria, Cambodia, Canada, China, Colombia, Costa Rica, Cyprus, Czechia, Denmark, Dominican Republic, Ecuador, Egypt, El Salvador, Finland, France, Germany, Greece, Guatemala, Honduras, Iceland, India, Indonesia, Iran (Islamic Republic of), Iraq, Israel, Italy, Japan, Jordan, Kenya, Kuwait, Lao People’s Democratic Republic, Latvia, Lebanon, Liechtenstein, Lithuania, Luxembourg, Malaysia, Malta, Mexico, Morocco, Myanmar, Namibia, Nicaragua, Nigeria, Norway, Oman, Panama, Paraguay, Peru, Poland, Portugal, Qatar, Republic of Korea, Romania, Russian Federation, Saudi Arabia, Singapore, Slovakia, Slovenia, South Africa, Spain, State of Palestine, Sudan, Switzerland, Thailand, Tunisia, Turkey, Ukraine, United Arab Emirates, United Kingdom of Great Britain and Northern Ireland, United States of America, Uruguay, Venezuela (Bolivarian Republic of) and Yemen.\n\n7. The European Union, a regional economic integration organization that is a party to the Convention, was represented at the session.\n\n8. In accordance with rule 2 of Conference resolution 4/5, the Conference decided that intergovernmental organizations, Secretariat units, United Nations bodies, funds and programmes, institutes of the United Nations crime prevention and criminal justice programme network, specialized agencies and other organizations of the United Nations system may be invited to participate in the sessions of the Implementation Review Group.\n\n9. The following Secretariat units, specialized agencies of the United Nations and institutes of the United Nations crime prevention and criminal justice programme network were represented by observers: Department of Peace Operations, Office of the United Nations High Commissioner for Human Rights, World Bank, Basel Institute of Governance and Naif Arab University for Security Sciences.\n\n10. The following intergovernmental organizations were represented by observers: Central Asian Regional Information and Coordination Centre, Commonwealth of Independent States, Group of States against Corruption (GRECO) of the Council of Europe, European Union Agency for Criminal Justice Cooperation (Eurojust), European Union Agency for Law Enforcement Cooperation (Europol), International Anti-Corruption Academy, International Centre for Criminal Law Reform and Criminal Justice Policy, International Development Law Organization, International Criminal Police Organization (INTERPOL) and Organization for Economic Cooperation and Development (OECD).\n\n11. The Sovereign Order of Malta, an entity maintaining a permanent observer office at Headquarters, was represented.";

/**
 * The 85 States of paragraph 6, hand-matched to ISO3 codes, given here in reverse so that the
 * order of the output comes from the collation and not from the input.
 */
const REPRESENTED = [
  'AFG', 'ALB', 'DZA', 'ARG', 'ARM', 'AUS', 'AUT', 'AZE', 'BEL', 'BOL', 'BRA', 'BGR', 'KHM', 'CAN', 'CHN', 'COL', 'CRI', 'CYP', 'CZE', 'DNK',
  'DOM', 'ECU', 'EGY', 'SLV', 'FIN', 'FRA', 'DEU', 'GRC', 'GTM', 'HND', 'ISL', 'IND', 'IDN', 'IRN', 'IRQ', 'ISR', 'ITA', 'JPN', 'JOR', 'KEN',
  'KWT', 'LAO', 'LVA', 'LBN', 'LIE', 'LTU', 'LUX', 'MYS', 'MLT', 'MEX', 'MAR', 'MMR', 'NAM', 'NIC', 'NGA', 'NOR', 'OMN', 'PAN', 'PRY', 'PER',
  'POL', 'PRT', 'QAT', 'KOR', 'ROU', 'RUS', 'SAU', 'SGP', 'SVK', 'SVN', 'ZAF', 'ESP', 'PSE', 'SDN', 'CHE', 'THA', 'TUN', 'TUR', 'UKR', 'ARE',
  'GBR', 'USA', 'URY', 'VEN', 'YEM',
].reverse();

/**
 * Where the report of 2020 spells a State otherwise than today's parties data: Türkiye was
 * "Turkey" until June 2022, and the report sets a typographic apostrophe in "Lao People’s".
 */
const SPELLING_2020: Record<string, string> = { TUR: 'Turkey', LAO: 'Lao People’s Democratic Republic' };

function session2020(): AttendanceDelegation[] {
  return [
    ...REPRESENTED.map((iso3) => state(iso3, true, 'party', SPELLING_2020[iso3] ? { en: SPELLING_2020[iso3] } : {})),
    // Registered but never connected: they must not appear.
    state('FJI', false),
    state('NZL', false),
    observer('Financial Action Task Force', 'igo', false),
    state('EUU', true, 'reio'),
    observer('Naif Arab University for Security Sciences', 'pni-institute'),
    observer('World Bank', 'specialized-agency'),
    observer('Office of the United Nations High Commissioner for Human Rights', 'secretariat-unit'),
    observer('Basel Institute of Governance', 'pni-institute'),
    observer('Department of Peace Operations', 'secretariat-unit'),
    observer('Organization for Economic Cooperation and Development (OECD)', 'igo'),
    // The report alphabetises INTERPOL under its acronym and GRECO under the Council of Europe.
    observer('International Criminal Police Organization (INTERPOL)', 'igo', true, 'INTERPOL'),
    observer('International Development Law Organization', 'igo'),
    observer('International Centre for Criminal Law Reform and Criminal Justice Policy', 'igo'),
    observer('International Anti-Corruption Academy', 'igo'),
    observer('European Union Agency for Law Enforcement Cooperation (Europol)', 'igo'),
    observer('European Union Agency for Criminal Justice Cooperation (Eurojust)', 'igo'),
    observer('Group of States against Corruption (GRECO) of the Council of Europe', 'igo', true, 'Council of Europe, Group of States against Corruption'),
    observer('Commonwealth of Independent States', 'igo'),
    observer('Central Asian Regional Information and Coordination Centre', 'igo'),
    observer('Sovereign Order of Malta', 'standing-observer'),
  ];
}

describe('attendance paragraphs against the report of the IRG, November 2020', () => {
  it('reproduces paragraphs 6 to 11 word for word', () => {
    const text = numberParagraphs(attendanceParagraphs(session2020(), 'en', { irgInvitationRule: true }), 6);
    expect(text).toBe(REFERENCE);
  });

  it('sorts observers by their names when no other sort name is given', () => {
    const igos = (sortAs: boolean) =>
      attendanceParagraphs(
        [observer('International Criminal Police Organization (INTERPOL)', 'igo', true, sortAs ? 'INTERPOL' : null), observer('International Development Law Organization', 'igo')],
        'en',
        { irgInvitationRule: false },
      )[0];
    expect(igos(false)).toBe('The following intergovernmental organizations were represented by observers: International Criminal Police Organization (INTERPOL) and International Development Law Organization.');
    expect(igos(true)).toBe('The following intergovernmental organizations were represented by observers: International Development Law Organization and International Criminal Police Organization (INTERPOL).');
  });

  it('takes every other State name from the parties data unchanged', () => {
    const names = REPRESENTED.filter((iso3) => !SPELLING_2020[iso3]).map((iso3) => byIso.get(iso3)!.nameUn);
    for (const name of names) expect(REFERENCE).toContain(name);
    expect(byIso.get('TUR')!.nameUn).toBe('Türkiye');
    expect(byIso.get('LAO')!.nameUn).toBe("Lao People's Democratic Republic");
  });

  it('leaves out the rule 4/5 paragraph outside the Implementation Review Group', () => {
    const paragraphs = attendanceParagraphs(session2020(), 'en', { irgInvitationRule: false });
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs.join(' ')).not.toContain('resolution 4/5');
  });

  it('writes the six languages with their own sentences, lists and punctuation', () => {
    const input = [state('AUT'), state('CHN'), state('BRA'), state('SYR', true, 'signatory'), state('EUU', true, 'reio')];
    const out = Object.fromEntries(LANGS.map((l) => [l, attendanceParagraphs(input, l, { irgInvitationRule: true })]));
    expect(out.en).toEqual([
      'The following States parties to the Convention were represented at the session: Austria, Brazil and China.',
      'The following signatory State to the Convention was represented by an observer: Syrian Arab Republic.',
      'The European Union, a regional economic integration organization that is a party to the Convention, was represented at the session.',
    ]);
    expect(out.fr![0]).toBe('Les États parties à la Convention ci-après étaient représentés à la session\u00a0: Autriche, Brésil et Chine.');
    expect(out.fr![2]).toBe('L’Union européenne, organisation régionale d’intégration économique partie à la Convention, était représentée à la session.');
    expect(out.es![0]).toBe('Estuvieron representados en el período de sesiones los siguientes Estados partes en la Convención: Austria, Brasil y China.');
    expect(out.ru![0]).toBe('На сессии были представлены следующие государства – участники Конвенции: Австрия, Бразилия и Китай.');
    // Pinyin order: Aodili, Baxi, Zhongguo.
    expect(out.zh![0]).toBe('下列《公约》缔约国派代表出席了会议：奥地利、巴西和中国。');
    // Alphabetical order: البرازيل (alif-lam-ba) before الصين (alif-lam-sad) before النمسا (alif-lam-nun).
    expect(out.ar![0]).toBe('وكانت الدول الأطراف التالية في الاتفاقية ممثَّلة في الدورة: البرازيل، الصين، والنمسا.');
    for (const l of LANGS) expect(out[l]).toHaveLength(3);
  });

  it('counts only delegations that attended, and writes nothing when nobody did', () => {
    expect(attendanceParagraphs([state('AUT', false), observer('World Bank', 'specialized-agency', false)], 'en', { irgInvitationRule: true })).toEqual([]);
    expect(attendanceParagraphs([state('AUT'), state('BRA', false)], 'en', { irgInvitationRule: true })).toEqual([
      'The following State party to the Convention was represented at the session: Austria.',
    ]);
  });

  it('writes one observer of a group in the singular, and several standing observers in the plural', () => {
    expect(attendanceParagraphs([observer('World Bank', 'specialized-agency')], 'en', { irgInvitationRule: false })).toEqual([
      'The World Bank, a specialized agency of the United Nations, was represented by an observer.',
    ]);
    expect(attendanceParagraphs([observer('Sovereign Order of Malta', 'standing-observer'), observer('International Committee of the Red Cross', 'standing-observer')], 'en', { irgInvitationRule: true })).toEqual([
      'The following entities maintaining a permanent observer office at Headquarters were represented: International Committee of the Red Cross and Sovereign Order of Malta.',
    ]);
    expect(attendanceParagraphs([observer('Transparency International', 'ngo'), observer('Article 19', 'ngo')], 'fr', { irgInvitationRule: true })).toEqual([
      'Les organisations non gouvernementales ci-après avaient envoyé des observateurs\u00a0: Article 19 et Transparency International.',
    ]);
  });
});

describe('lists and collation per language', () => {
  it('joins with the language’s comma and "and"', () => {
    expect(joinList(['A'], 'en')).toBe('A');
    expect(joinList(['A', 'B'], 'en')).toBe('A and B');
    expect(joinList(['A', 'B', 'C'], 'fr')).toBe('A, B et C');
    expect(joinList(['A', 'B', 'C'], 'ru')).toBe('A, B и C');
    expect(joinList(['甲', '乙', '丙'], 'zh')).toBe('甲、乙和丙');
    expect(joinList(['أ', 'ب', 'ج'], 'ar')).toBe('أ، ب، وج');
    expect(joinList(['Francia', 'Chile'], 'es')).toBe('Francia y Chile');
    // "e" before a word sounding /i/, "y" before "hie-" and other vowels.
    expect(joinList(['Israel', 'Italia'], 'es')).toBe('Israel e Italia');
    expect(joinList(['Chile', 'Hungría'], 'es')).toBe('Chile y Hungría');
    expect(joinList(['Chile', 'Hierro'], 'es')).toBe('Chile y Hierro');
    expect(joinList(['Chile', 'Indonesia'], 'es')).toBe('Chile e Indonesia');
  });

  const order = (isos: string[], language: UnLanguage) => unOrder(isos.map((i) => state(i)), language).map((d) => d.names[language]);

  it('sorts Russian by the Cyrillic alphabet', () => {
    // Япония, Австрия, Египет, Бразилия → А, Б, Е, Я.
    expect(order(['JPN', 'AUT', 'EGY', 'BRA'], 'ru')).toEqual(['Австрия', 'Бразилия', 'Египет', 'Япония']);
  });

  it('sorts Chinese by pinyin', () => {
    // 中国 Zhongguo, 阿富汗 Afuhan, 巴西 Baxi, 日本 Riben, 德国 Deguo.
    expect(order(['CHN', 'AFG', 'BRA', 'JPN', 'DEU'], 'zh')).toEqual(['阿富汗', '巴西', '德国', '日本', '中国']);
  });

  it('sorts Arabic by the Arabic alphabet', () => {
    // مصر (mim), بلجيكا (ba), تونس (ta), عُمان (ain) → ب ت ع م.
    expect(order(['EGY', 'BEL', 'TUN', 'OMN'], 'ar')).toEqual(['بلجيكا', 'تونس', 'عُمان', 'مصر']);
  });

  it('puts the UN order: parties, signatories, the EU, observers by category', () => {
    const list = unOrder(
      [observer('Z NGO', 'ngo'), observer('A IGO', 'igo'), state('EUU', true, 'reio'), state('SYR', true, 'signatory'), state('ZAF'), state('AUT'), observer('UNDP', 'un-body'), observer('DPO', 'secretariat-unit')],
      'en',
    ).map((d) => d.names.en);
    expect(list).toEqual(['Austria', 'South Africa', 'Syrian Arab Republic', 'European Union', 'DPO', 'UNDP', 'A IGO', 'Z NGO']);
  });
});
