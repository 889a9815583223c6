/**
 * @module progress-sentence
 * The progress update as the secretariat words it in its reports to the Implementation
 * Review Group ("… N of the M States parties under review in the second cycle had submitted
 * their responses to the self-assessment checklist, D direct dialogues (comprising …) had
 * taken place, and E executive summaries and R country review reports had been finalized"),
 * in the six official languages. Numbers and dates go through Intl for the language; counted
 * nouns take the plural form Intl.PluralRules gives for the number. Arabic uses Western
 * digits, as United Nations documents in Arabic do.
 */

export const SENTENCE_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type SentenceLanguage = (typeof SENTENCE_LANGUAGES)[number];

export interface SentenceFigures {
  cycle: number;
  asOf: string;
  total: number;
  checklistsSubmitted: number;
  dialoguesHeld: { total: number; countryVisits: number; jointMeetings: number; virtualVisits: number };
  executiveSummariesFinalised: number;
  reportsFinalised: number;
}

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const LOCALE: Record<SentenceLanguage, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', zh: 'zh-CN', ar: 'ar-u-nu-latn' };

class Writer {
  private readonly numbers: Intl.NumberFormat;
  private readonly plurals: Intl.PluralRules;
  constructor(readonly language: SentenceLanguage) {
    this.numbers = new Intl.NumberFormat(LOCALE[language]);
    this.plurals = new Intl.PluralRules(LOCALE[language]);
  }
  n(value: number): string {
    return this.numbers.format(value);
  }
  /** The number followed (or, with `before`, preceded) by the noun in the form for that number. */
  count(value: number, forms: Forms): string {
    return `${this.n(value)} ${this.form(value, forms)}`;
  }
  form(value: number, forms: Forms): string {
    return forms[this.plurals.select(value)] ?? forms.other;
  }
  date(iso: string): string {
    const text = new Intl.DateTimeFormat(LOCALE[this.language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    // French writes the first day of a month as an ordinal: « 1er novembre ».
    return this.language === 'fr' ? text.replace(/^1 /, '1er ') : text;
  }
}

/** Joins parts as "a, b and c" in the language. */
function list(language: SentenceLanguage, parts: string[]): string {
  return new Intl.ListFormat(LOCALE[language], { style: 'long', type: 'conjunction' }).format(parts);
}

const ORDINALS: Record<SentenceLanguage, string[]> = {
  en: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'],
  fr: ['premier', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième'],
  es: ['primer', 'segundo', 'tercer', 'cuarto', 'quinto', 'sexto'],
  ru: ['первого', 'второго', 'третьего', 'четвертого', 'пятого', 'шестого'],
  zh: ['一', '二', '三', '四', '五', '六'],
  ar: ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة'],
};

function ordinal(language: SentenceLanguage, cycle: number, w: Writer): string {
  return ORDINALS[language][cycle - 1] ?? w.n(cycle);
}

/** The dialogue forms with a non-zero count, each as "N noun". */
function dialogueParts(f: SentenceFigures, w: Writer, forms: { visits: Forms; meetings: Forms; virtual: Forms }): string[] {
  const d = f.dialoguesHeld;
  return [
    d.countryVisits > 0 ? w.count(d.countryVisits, forms.visits) : '',
    d.jointMeetings > 0 ? w.count(d.jointMeetings, forms.meetings) : '',
    d.virtualVisits > 0 ? w.count(d.virtualVisits, forms.virtual) : '',
  ].filter((p) => p !== '');
}

const WRITERS: Record<SentenceLanguage, (f: SentenceFigures, w: Writer) => string> = {
  en: (f, w) => {
    const cycle = `the ${ordinal('en', f.cycle, w)} cycle`;
    if (f.total === 0) return `As at ${w.date(f.asOf)}, no State party was under review in ${cycle}.`;
    const parts = dialogueParts(f, w, {
      visits: { one: 'country visit', other: 'country visits' },
      meetings: { one: 'joint meeting', other: 'joint meetings' },
      virtual: { one: 'virtual country visit', other: 'virtual country visits' },
    });
    const d = f.dialoguesHeld.total;
    const dialogues = `${w.count(d, { one: 'direct dialogue', other: 'direct dialogues' })}${parts.length > 0 ? ` (comprising ${list('en', parts)})` : ''} had taken place`;
    const finalised = `${w.count(f.executiveSummariesFinalised, { one: 'executive summary', other: 'executive summaries' })} and ${w.count(f.reportsFinalised, { one: 'country review report', other: 'country review reports' })} had been finalized`;
    return `As at ${w.date(f.asOf)}, ${w.n(f.checklistsSubmitted)} of the ${w.count(f.total, { one: 'State party', other: 'States parties' })} under review in ${cycle} had submitted their responses to the self-assessment checklist, ${dialogues}, and ${finalised}.`;
  },
  fr: (f, w) => {
    const cycle = `du ${ordinal('fr', f.cycle, w)} cycle`;
    if (f.total === 0) return `Au ${w.date(f.asOf)}, aucun État partie n’était en cours d’examen au titre ${cycle}.`;
    const parts = dialogueParts(f, w, {
      visits: { one: 'visite de pays', other: 'visites de pays' },
      meetings: { one: 'réunion conjointe', other: 'réunions conjointes' },
      virtual: { one: 'visite de pays virtuelle', other: 'visites de pays virtuelles' },
    });
    const d = f.dialoguesHeld.total;
    const dialogues = `${w.count(d, { one: 'dialogue direct', other: 'dialogues directs' })}${parts.length > 0 ? ` (dont ${list('fr', parts)})` : ''} ${w.form(d, { one: 'avait eu lieu', other: 'avaient eu lieu' })}`;
    const es = f.executiveSummariesFinalised;
    const finalised = `${w.count(es, { one: 'résumé analytique', other: 'résumés analytiques' })} et ${w.count(f.reportsFinalised, { one: 'rapport d’examen de pays', other: 'rapports d’examen de pays' })} avaient été finalisés`;
    const submitted = w.form(f.checklistsSubmitted, { one: 'avait soumis ses réponses', other: 'avaient soumis leurs réponses' });
    return `Au ${w.date(f.asOf)}, ${w.n(f.checklistsSubmitted)} des ${w.count(f.total, { one: 'État partie', other: 'États parties' })} en cours d’examen au titre ${cycle} ${submitted} à la liste de contrôle pour l’auto-évaluation, ${dialogues}, et ${finalised}.`;
  },
  es: (f, w) => {
    const cycle = `el ${ordinal('es', f.cycle, w)} ciclo`;
    if (f.total === 0) return `Al ${w.date(f.asOf)}, ningún Estado parte era objeto de examen en ${cycle}.`;
    const parts = dialogueParts(f, w, {
      visits: { one: 'visita al país', other: 'visitas a los países' },
      meetings: { one: 'reunión conjunta', other: 'reuniones conjuntas' },
      virtual: { one: 'visita virtual al país', other: 'visitas virtuales a los países' },
    });
    const d = f.dialoguesHeld.total;
    const dialogues = `${w.form(d, { one: 'se había celebrado', other: 'se habían celebrado' })} ${w.count(d, { one: 'diálogo directo', other: 'diálogos directos' })}${parts.length > 0 ? ` (de ellos, ${list('es', parts)})` : ''}`;
    const finalised = `se habían ultimado ${w.count(f.executiveSummariesFinalised, { one: 'resumen ejecutivo', other: 'resúmenes ejecutivos' })} y ${w.count(f.reportsFinalised, { one: 'informe sobre el examen del país', other: 'informes sobre el examen de los países' })}`;
    const submitted = w.form(f.checklistsSubmitted, { one: 'había presentado sus respuestas', other: 'habían presentado sus respuestas' });
    return `Al ${w.date(f.asOf)}, ${w.n(f.checklistsSubmitted)} de los ${w.count(f.total, { one: 'Estado parte', other: 'Estados partes' })} objeto de examen en ${cycle} ${submitted} a la lista de verificación para la autoevaluación, ${dialogues}, y ${finalised}.`;
  },
  ru: (f, w) => {
    const cycle = `${ordinal('ru', f.cycle, w)} цикла`;
    if (f.total === 0) return `По состоянию на ${w.date(f.asOf)} в рамках ${cycle} обзор не проводился ни в отношении одного государства-участника.`;
    const parts = dialogueParts(f, w, {
      visits: { one: 'страновое посещение', few: 'страновых посещения', other: 'страновых посещений' },
      meetings: { one: 'совместное совещание', few: 'совместных совещания', other: 'совместных совещаний' },
      virtual: { one: 'виртуальное страновое посещение', few: 'виртуальных страновых посещения', other: 'виртуальных страновых посещений' },
    });
    const d = f.dialoguesHeld.total;
    const dialogues = `состоялось ${w.count(d, { one: 'прямой диалог', few: 'прямых диалога', other: 'прямых диалогов' })}${parts.length > 0 ? ` (в том числе ${list('ru', parts)})` : ''}`;
    const finalised = `было завершено ${w.n(f.executiveSummariesFinalised)} резюме и ${w.count(f.reportsFinalised, { one: 'страновой доклад', few: 'страновых доклада', other: 'страновых докладов' })} об обзоре`;
    const states = w.form(f.total, { one: 'государства-участника', other: 'государств-участников' });
    const submitted = w.form(f.checklistsSubmitted, { one: 'представило', other: 'представили' });
    return `По состоянию на ${w.date(f.asOf)} ${w.n(f.checklistsSubmitted)} из ${w.n(f.total)} ${states}, в отношении которых проводится обзор в рамках ${cycle}, ${submitted} ответы на контрольный перечень вопросов для самооценки, ${dialogues}, и ${finalised}.`;
  },
  zh: (f, w) => {
    const cycle = `第${ordinal('zh', f.cycle, w)}周期`;
    if (f.total === 0) return `截至${w.date(f.asOf)}，${cycle}尚无缔约国接受审议。`;
    const d = f.dialoguesHeld;
    const parts = [
      d.countryVisits > 0 ? `${w.n(d.countryVisits)}次国别访问` : '',
      d.jointMeetings > 0 ? `${w.n(d.jointMeetings)}次联席会议` : '',
      d.virtualVisits > 0 ? `${w.n(d.virtualVisits)}次虚拟国别访问` : '',
    ].filter((p) => p !== '');
    const dialogues = `已进行${w.n(d.total)}次直接对话${parts.length > 0 ? `（包括${list('zh', parts)}）` : ''}`;
    return `截至${w.date(f.asOf)}，在${cycle}接受审议的${w.n(f.total)}个缔约国中，已有${w.n(f.checklistsSubmitted)}个提交了对自评清单的答复，${dialogues}，并已最后确定${w.n(f.executiveSummariesFinalised)}份执行摘要和${w.n(f.reportsFinalised)}份国别审议报告。`;
  },
  ar: (f, w) => {
    const cycle = `الدورة ${ordinal('ar', f.cycle, w)}`;
    if (f.total === 0) return `حتى ${w.date(f.asOf)}، لم تكن أي دولة طرف قيد الاستعراض في ${cycle}.`;
    const parts = dialogueParts(f, w, {
      visits: { few: 'زيارات قطرية', other: 'زيارة قطرية' },
      meetings: { few: 'اجتماعات مشتركة', many: 'اجتماعا مشتركا', other: 'اجتماع مشترك' },
      virtual: { few: 'زيارات قطرية افتراضية', other: 'زيارة قطرية افتراضية' },
    });
    const d = f.dialoguesHeld.total;
    const dialogues = `وأُجري ${w.count(d, { few: 'حوارات مباشرة', many: 'حوارا مباشرا', other: 'حوار مباشر' })}${parts.length > 0 ? ` (منها ${list('ar', parts)})` : ''}`;
    const finalised = `وأُنجزت ${w.count(f.executiveSummariesFinalised, { few: 'خلاصات وافية', other: 'خلاصة وافية' })} و${w.count(f.reportsFinalised, { few: 'تقارير استعراض قطري', many: 'تقريرا عن الاستعراض القطري', other: 'تقرير استعراض قطري' })}`;
    const states = w.form(f.total, { few: 'دول أطراف', many: 'دولة طرفا', other: 'دولة طرف' });
    return `حتى ${w.date(f.asOf)}، كانت ${w.n(f.checklistsSubmitted)} من أصل ${w.n(f.total)} ${states} مستعرَضة في ${cycle} قد قدمت ردودها على قائمة التقييم الذاتي المرجعية، ${dialogues}، ${finalised}.`;
  },
};

export function isSentenceLanguage(value: string): value is SentenceLanguage {
  return (SENTENCE_LANGUAGES as readonly string[]).includes(value);
}

/** The progress update in one language. */
export function progressSentence(figures: SentenceFigures, language: SentenceLanguage): string {
  return WRITERS[language](figures, new Writer(language));
}
