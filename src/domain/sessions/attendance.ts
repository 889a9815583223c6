/**
 * @module attendance
 * The attendance paragraphs of a session report, as the UN writes them (docs/SESSIONS.md §11):
 * the States parties represented, in alphabetical order of their short names in the
 * language of the report, "and" before the last; then the signatories; then the European
 * Union; then the observers by category. English follows the report of the IRG on its second
 * resumed eleventh session (CAC/COSP/IRG/2020/…, paragraphs 6 to 11) word for word; the other
 * five languages are our drafting in the style of the UN's translations.
 *
 * Also the "UN order" of delegations used by the lists of participants. Pure.
 */
import type { UnLanguage } from '../parties/party.ts';
import type { DelegationKind, ObserverCategory } from './registration.ts';
import { OBSERVER_CATEGORIES } from './registration.ts';

export interface AttendanceDelegation {
  kind: DelegationKind;
  category: ObserverCategory | null;
  /** The name in each language (States: the parties data; observers: as registered, the same in all). */
  names: Record<UnLanguage, string>;
  /** At least one of its participants attended (a confirmed connection online). */
  attended: boolean;
  /**
   * The name an observer is alphabetised under when it is not its name: the reports list
   * GRECO under "Council of Europe" and INTERPOL under its acronym. Null: its name.
   */
  sortAs?: string | null;
}

export interface AttendanceOptions {
  /** The Implementation Review Group states rule 2 of resolution 4/5 before its UN and IGO observers. */
  irgInvitationRule: boolean;
}

const collators = new Map<string, Intl.Collator>();
/** The language's collation (ICU), as a UN list in that language is ordered. */
export function collatorFor(language: UnLanguage): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language, { sensitivity: 'base' });
    collators.set(language, collator);
  }
  return collator;
}

/** Spanish writes "e" for "y" before a word sounding /i/ ("Israel e Italia"), but not before "hie-"/"hia-"… */
function spanishAnd(next: string): string {
  return /^(i|hi)(?![aeiouáéíóú])/i.test(next) || /^(í|hí)/i.test(next) ? 'e' : 'y';
}

/** "A, B and C" in the language: its comma, its "and" and where they go. */
export function joinList(items: readonly string[], language: UnLanguage): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  const head = items.slice(0, -1);
  const last = items[items.length - 1]!;
  switch (language) {
    case 'en':
      return `${head.join(', ')} and ${last}`;
    case 'fr':
      return `${head.join(', ')} et ${last}`;
    case 'es':
      return `${head.join(', ')} ${spanishAnd(last)} ${last}`;
    case 'ru':
      return `${head.join(', ')} и ${last}`;
    case 'zh':
      // The enumeration comma, and 和 before the last, without spaces.
      return `${head.join('、')}和${last}`;
    case 'ar':
      // The Arabic comma; و is written joined to the word it precedes.
      return `${head.join('، ')}، و${last}`;
  }
}

type Sortable = Pick<AttendanceDelegation, 'names' | 'sortAs'>;
const byName = (language: UnLanguage) => {
  const collator = collatorFor(language);
  const key = (d: Sortable) => d.sortAs || d.names[language];
  return (a: Sortable, b: Sortable) => collator.compare(key(a), key(b));
};

/**
 * The UN order of delegations: States parties alphabetically, signatories, the European
 * Union, then observers by category, each group alphabetically in the language.
 */
export function unOrder<D extends Pick<AttendanceDelegation, 'kind' | 'category' | 'names' | 'sortAs'>>(delegations: readonly D[], language: UnLanguage): D[] {
  const rank = (d: D) => (d.kind === 'party' ? 0 : d.kind === 'signatory' ? 1 : d.kind === 'reio' ? 2 : 3 + OBSERVER_CATEGORIES.indexOf(d.category ?? 'ngo'));
  const names = byName(language);
  return [...delegations].sort((a, b) => rank(a) - rank(b) || names(a, b));
}

/** The paragraphs of observers: the reports put the UN system's categories in one paragraph. */
const OBSERVER_PARAGRAPHS: readonly (readonly ObserverCategory[])[] = [['secretariat-unit', 'un-body', 'specialized-agency', 'pni-institute'], ['igo'], ['standing-observer'], ['ngo']];

interface Templates {
  /** [one, several] */
  parties: [string, string];
  signatories: [string, string];
  reio: string;
  invitationRule: string;
  categories: Record<ObserverCategory, [string, string]>;
  /** One observer organisation: {name}, {category in the singular}. */
  observerOne: (name: string, category: string, standing: boolean) => string;
  /** Several: {categories in the plural}, {list}. */
  observerMany: (categories: string, list: string, standing: boolean) => string;
}

const LIST = '{list}';
const NAME = '{name}';

/** English: the report's sentences; French, Spanish, Russian, Chinese and Arabic: our drafting. */
const TEMPLATES: Record<UnLanguage, Templates> = {
  en: {
    parties: ['The following State party to the Convention was represented at the session: {list}.', 'The following States parties to the Convention were represented at the session: {list}.'],
    signatories: ['The following signatory State to the Convention was represented by an observer: {list}.', 'The following signatory States to the Convention were represented by observers: {list}.'],
    reio: 'The {name}, a regional economic integration organization that is a party to the Convention, was represented at the session.',
    invitationRule:
      'In accordance with rule 2 of Conference resolution 4/5, the Conference decided that intergovernmental organizations, Secretariat units, United Nations bodies, funds and programmes, institutes of the United Nations crime prevention and criminal justice programme network, specialized agencies and other organizations of the United Nations system may be invited to participate in the sessions of the Implementation Review Group.',
    categories: {
      'secretariat-unit': ['a Secretariat unit', 'Secretariat units'],
      'un-body': ['a United Nations body, fund or programme', 'United Nations bodies, funds and programmes'],
      'specialized-agency': ['a specialized agency of the United Nations', 'specialized agencies of the United Nations'],
      'pni-institute': ['an institute of the United Nations crime prevention and criminal justice programme network', 'institutes of the United Nations crime prevention and criminal justice programme network'],
      igo: ['an intergovernmental organization', 'intergovernmental organizations'],
      'standing-observer': ['an entity maintaining a permanent observer office at Headquarters', 'entities maintaining a permanent observer office at Headquarters'],
      ngo: ['a non-governmental organization', 'non-governmental organizations'],
    },
    observerOne: (name, category, standing) => `${/^the /i.test(name) ? name : `The ${name}`}, ${category}, was represented${standing ? '' : ' by an observer'}.`,
    observerMany: (categories, list, standing) => `The following ${categories} were represented${standing ? '' : ' by observers'}: ${list}.`,
  },
  fr: {
    parties: ['L’État partie à la Convention ci-après était représenté à la session\u00a0: {list}.', 'Les États parties à la Convention ci-après étaient représentés à la session\u00a0: {list}.'],
    signatories: ['L’État signataire de la Convention ci-après était représenté par un observateur\u00a0: {list}.', 'Les États signataires de la Convention ci-après étaient représentés par des observateurs\u00a0: {list}.'],
    reio: 'L’{name}, organisation régionale d’intégration économique partie à la Convention, était représentée à la session.',
    invitationRule:
      'Conformément à la règle 2 de la résolution 4/5 de la Conférence, la Conférence a décidé que les organisations intergouvernementales, les services du Secrétariat, les organes, fonds et programmes des Nations Unies, les instituts du réseau du Programme des Nations Unies pour la prévention du crime et la justice pénale, les institutions spécialisées et les autres organismes des Nations Unies pouvaient être invités à participer aux sessions du Groupe d’examen de l’application.',
    categories: {
      'secretariat-unit': ['service du Secrétariat', 'services du Secrétariat'],
      'un-body': ['organe, fonds ou programme des Nations Unies', 'organes, fonds et programmes des Nations Unies'],
      'specialized-agency': ['institution spécialisée des Nations Unies', 'institutions spécialisées des Nations Unies'],
      'pni-institute': [
        'institut du réseau du Programme des Nations Unies pour la prévention du crime et la justice pénale',
        'instituts du réseau du Programme des Nations Unies pour la prévention du crime et la justice pénale',
      ],
      igo: ['organisation intergouvernementale', 'organisations intergouvernementales'],
      'standing-observer': ['entité ayant un bureau permanent d’observateur au Siège', 'entités ayant un bureau permanent d’observateur au Siège'],
      ngo: ['organisation non gouvernementale', 'organisations non gouvernementales'],
    },
    // "Avait envoyé" avoids agreeing a participle with the gender of each category.
    observerOne: (name, category) => `${name} (${category}) avait envoyé un observateur.`,
    observerMany: (categories, list) => `Les ${categories} ci-après avaient envoyé des observateurs\u00a0: ${list}.`,
  },
  es: {
    parties: ['Estuvo representado en el período de sesiones el siguiente Estado parte en la Convención: {list}.', 'Estuvieron representados en el período de sesiones los siguientes Estados partes en la Convención: {list}.'],
    signatories: ['Estuvo representado por un observador el siguiente Estado signatario de la Convención: {list}.', 'Estuvieron representados por observadores los siguientes Estados signatarios de la Convención: {list}.'],
    reio: 'Estuvo representada en el período de sesiones la {name}, organización regional de integración económica que es parte en la Convención.',
    invitationRule:
      'De conformidad con el artículo 2 de la resolución 4/5 de la Conferencia, la Conferencia decidió que se podría invitar a las organizaciones intergubernamentales, las dependencias de la Secretaría, los órganos, fondos y programas de las Naciones Unidas, los institutos de la red del Programa de las Naciones Unidas en materia de Prevención del Delito y Justicia Penal, los organismos especializados y otras entidades del sistema de las Naciones Unidas a participar en los períodos de sesiones del Grupo de Examen de la Aplicación.',
    categories: {
      'secretariat-unit': ['dependencia de la Secretaría', 'las dependencias de la Secretaría'],
      'un-body': ['órgano, fondo o programa de las Naciones Unidas', 'los órganos, fondos y programas de las Naciones Unidas'],
      'specialized-agency': ['organismo especializado de las Naciones Unidas', 'los organismos especializados de las Naciones Unidas'],
      'pni-institute': [
        'instituto de la red del Programa de las Naciones Unidas en materia de Prevención del Delito y Justicia Penal',
        'los institutos de la red del Programa de las Naciones Unidas en materia de Prevención del Delito y Justicia Penal',
      ],
      igo: ['organización intergubernamental', 'las organizaciones intergubernamentales'],
      'standing-observer': ['entidad que mantiene una oficina permanente de observación en la Sede', 'las entidades que mantienen oficinas permanentes de observación en la Sede'],
      ngo: ['organización no gubernamental', 'las organizaciones no gubernamentales'],
    },
    observerOne: (name, category) => `Envió un observador: ${name} (${category}).`,
    observerMany: (categories, list) => `Enviaron observadores ${categories}: ${list}.`,
  },
  ru: {
    parties: ['На сессии было представлено следующее государство – участник Конвенции: {list}.', 'На сессии были представлены следующие государства – участники Конвенции: {list}.'],
    signatories: ['Следующее государство, подписавшее Конвенцию, было представлено наблюдателем: {list}.', 'Следующие государства, подписавшие Конвенцию, были представлены наблюдателями: {list}.'],
    reio: 'На сессии был представлен {name}, являющийся региональной организацией экономической интеграции и участником Конвенции.',
    invitationRule:
      'В соответствии с правилом 2 резолюции 4/5 Конференции Конференция постановила, что межправительственные организации, подразделения Секретариата, органы, фонды и программы Организации Объединенных Наций, институты сети Программы Организации Объединенных Наций в области предупреждения преступности и уголовного правосудия, специализированные учреждения и другие организации системы Организации Объединенных Наций могут приглашаться к участию в сессиях Группы по обзору хода осуществления.',
    categories: {
      'secretariat-unit': ['подразделение Секретариата', 'подразделения Секретариата'],
      'un-body': ['орган, фонд или программа Организации Объединенных Наций', 'органы, фонды и программы Организации Объединенных Наций'],
      'specialized-agency': ['специализированное учреждение Организации Объединенных Наций', 'специализированные учреждения Организации Объединенных Наций'],
      'pni-institute': [
        'институт сети Программы Организации Объединенных Наций в области предупреждения преступности и уголовного правосудия',
        'институты сети Программы Организации Объединенных Наций в области предупреждения преступности и уголовного правосудия',
      ],
      igo: ['межправительственная организация', 'межправительственные организации'],
      'standing-observer': ['образование, имеющее постоянное представительство наблюдателя в Центральных учреждениях', 'образования, имеющие постоянные представительства наблюдателей в Центральных учреждениях'],
      ngo: ['неправительственная организация', 'неправительственные организации'],
    },
    observerOne: (name, category) => `На сессии присутствовал наблюдатель от следующей организации (${category}): ${name}.`,
    observerMany: (categories, list) => `Своих наблюдателей направили следующие ${categories}: ${list}.`,
  },
  zh: {
    parties: ['下列《公约》缔约国派代表出席了会议：{list}。', '下列《公约》缔约国派代表出席了会议：{list}。'],
    signatories: ['下列《公约》签署国派观察员出席了会议：{list}。', '下列《公约》签署国派观察员出席了会议：{list}。'],
    reio: '{name}作为《公约》缔约方的区域经济一体化组织派代表出席了会议。',
    invitationRule: '根据缔约国会议第4/5号决议规则2，缔约国会议决定可邀请政府间组织、秘书处各单位、联合国各机构、基金和方案、联合国预防犯罪和刑事司法方案网各研究所、各专门机构和联合国系统其他组织参加实施情况审议组的各届会议。',
    categories: {
      'secretariat-unit': ['秘书处单位', '秘书处各单位'],
      'un-body': ['联合国机构、基金或方案', '联合国各机构、基金和方案'],
      'specialized-agency': ['联合国专门机构', '联合国各专门机构'],
      'pni-institute': ['联合国预防犯罪和刑事司法方案网研究所', '联合国预防犯罪和刑事司法方案网各研究所'],
      igo: ['政府间组织', '政府间组织'],
      'standing-observer': ['在总部设有常驻观察员办事处的实体', '在总部设有常驻观察员办事处的实体'],
      ngo: ['非政府组织', '非政府组织'],
    },
    observerOne: (name, category) => `${name}作为${category}派观察员出席了会议。`,
    observerMany: (categories, list) => `下列${categories}派观察员出席了会议：${list}。`,
  },
  ar: {
    parties: ['وكانت الدولة الطرف التالية في الاتفاقية ممثَّلة في الدورة: {list}.', 'وكانت الدول الأطراف التالية في الاتفاقية ممثَّلة في الدورة: {list}.'],
    signatories: ['وكانت الدولة الموقِّعة التالية على الاتفاقية ممثَّلة بمراقب: {list}.', 'وكانت الدول الموقِّعة التالية على الاتفاقية ممثَّلة بمراقبين: {list}.'],
    reio: 'وكان {name}، بصفته منظمة إقليمية للتكامل الاقتصادي طرفا في الاتفاقية، ممثَّلا في الدورة.',
    invitationRule:
      'ووفقا للمادة 2 من قرار المؤتمر 4/5، قرَّر المؤتمر أنه يجوز دعوة المنظمات الحكومية الدولية ووحدات الأمانة العامة وهيئات الأمم المتحدة وصناديقها وبرامجها ومعاهد شبكة برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية والوكالات المتخصِّصة وسائر مؤسسات منظومة الأمم المتحدة إلى المشاركة في دورات فريق استعراض التنفيذ.',
    categories: {
      'secretariat-unit': ['وحدات الأمانة العامة', 'وحدات الأمانة العامة'],
      'un-body': ['هيئات الأمم المتحدة وصناديقها وبرامجها', 'هيئات الأمم المتحدة وصناديقها وبرامجها'],
      'specialized-agency': ['الوكالات المتخصِّصة التابعة للأمم المتحدة', 'الوكالات المتخصِّصة التابعة للأمم المتحدة'],
      'pni-institute': ['معاهد شبكة برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية', 'معاهد شبكة برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية'],
      igo: ['المنظمات الحكومية الدولية', 'المنظمات الحكومية الدولية'],
      'standing-observer': ['الكيانات التي تحتفظ بمكاتب مراقبة دائمة في المقر', 'الكيانات التي تحتفظ بمكاتب مراقبة دائمة في المقر'],
      ngo: ['المنظمات غير الحكومية', 'المنظمات غير الحكومية'],
    },
    // "The following body, from among {categories}": no agreement with each category's gender.
    observerOne: (name, category) => `وكانت الجهة التالية من ${category} ممثَّلة بمراقب: ${name}.`,
    observerMany: (categories, list) => `وكانت الجهات التالية من ${categories} ممثَّلة بمراقبين: ${list}.`,
  },
};

function listSentence(template: [string, string], names: readonly string[], language: UnLanguage): string {
  return template[names.length === 1 ? 0 : 1].replace(LIST, joinList(names, language));
}

/**
 * The attendance paragraphs in a language, unnumbered. Only delegations that attended count;
 * a group with nobody present has no paragraph.
 */
export function attendanceParagraphs(delegations: readonly AttendanceDelegation[], language: UnLanguage, options: AttendanceOptions): string[] {
  const t = TEMPLATES[language];
  const present = unOrder(
    delegations.filter((d) => d.attended),
    language,
  );
  const names = (kind: DelegationKind, categories?: readonly ObserverCategory[]) =>
    present.filter((d) => d.kind === kind && (!categories || (d.category !== null && categories.includes(d.category)))).map((d) => d.names[language]);
  const out: string[] = [];
  const parties = names('party');
  if (parties.length > 0) out.push(listSentence(t.parties, parties, language));
  const signatories = names('signatory');
  if (signatories.length > 0) out.push(listSentence(t.signatories, signatories, language));
  for (const reio of names('reio')) out.push(t.reio.replace(NAME, reio));
  const observers = present.filter((d) => d.kind === 'observer');
  if (options.irgInvitationRule && observers.some((d) => d.category !== 'standing-observer' && d.category !== 'ngo')) out.push(t.invitationRule);
  for (const group of OBSERVER_PARAGRAPHS) {
    const inGroup = observers.filter((d) => d.category !== null && group.includes(d.category));
    if (inGroup.length === 0) continue;
    const standing = group.includes('standing-observer');
    if (inGroup.length === 1) {
      const only = inGroup[0]!;
      out.push(t.observerOne(only.names[language], t.categories[only.category!][0], standing));
      continue;
    }
    const categories = group.filter((c) => inGroup.some((d) => d.category === c)).map((c) => t.categories[c][1]);
    out.push(t.observerMany(joinList(categories, language), joinList(inGroup.map((d) => d.names[language]), language), standing));
  }
  return out;
}

/** The paragraphs numbered from `first`, one per line, as pasted into a report. */
export function numberParagraphs(paragraphs: readonly string[], first: number): string {
  return paragraphs.map((p, i) => `${first + i}. ${p}`).join('\n\n');
}
