/**
 * @module subscription messages
 * The e-mails of subscriptions in the subscriber's language (one of the six UN languages):
 * the confirmation request and the announcement of a public event. Stage and date facts only,
 * never content of a review. State names are given in labelled lines ("State under review:
 * Austria"), so no language has to decline or take an article before a name. Dates through
 * Intl (Node carries full ICU), in UTC so that no time zone moves a calendar day.
 */
import type { UnLanguage } from '../parties/party.ts';
import type { AnnouncementKind, SubscriptionEvent } from './subscriptions.ts';

export interface EmailText {
  subject: string;
  body: string;
}

interface Words {
  /** How a line is labelled: "Label: value" (French puts a space before the colon, Chinese uses a full-width one). */
  line: (label: string, value: string) => string;
  subject: (headline: string, state: string, cycle: number) => string;
  allReviews: string;
  confirmSubject: (scope: string) => string;
  confirmIntro: string;
  confirmAction: string;
  confirmIgnore: string;
  headline: Record<AnnouncementKind, string>;
  intro: Record<AnnouncementKind, string>;
  labels: { state: string; cycle: string; date: Record<AnnouncementKind, string>; document: string; subscription: string };
  moreAt: string;
  unsubscribe: string;
  automatic: string;
}

const colon = (label: string, value: string) => `${label}: ${value}`;

const WORDS: Record<UnLanguage, Words> = {
  en: {
    line: colon,
    subject: (headline, state, cycle) => `${headline}: ${state} (cycle ${cycle})`,
    allReviews: 'all reviews of the Mechanism',
    confirmSubject: (scope) => `Please confirm your subscription: ${scope}`,
    confirmIntro: 'Someone, probably you, asked Open IRM to send this address an e-mail when a review starts, when its direct dialogue is scheduled and when its documents are published.',
    confirmAction: 'To confirm, open this link within 7 days:',
    confirmIgnore: 'If you did not ask for this, ignore this message: nothing else will be sent to this address. To cancel the request now:',
    headline: { reviewStarted: 'Review started', dialogueScheduled: 'Direct dialogue scheduled', documentPublished: 'Document published' },
    intro: {
      reviewStarted: 'A country review of the Implementation Review Mechanism of the United Nations Convention against Corruption has started.',
      dialogueScheduled: 'The direct dialogue of a country review has been scheduled.',
      documentPublished: 'A document of a country review has been published.',
    },
    labels: {
      state: 'State under review',
      cycle: 'Review cycle',
      date: { reviewStarted: 'Started on', dialogueScheduled: 'Dates of the dialogue', documentPublished: 'Published on' },
      document: 'Document',
      subscription: 'Your subscription',
    },
    moreAt: 'Stage and dates of every review of this State:',
    unsubscribe: 'To unsubscribe with one click:',
    automatic: 'This message was sent automatically by Open IRM; do not reply to it.',
  },
  fr: {
    line: (label, value) => `${label} : ${value}`,
    subject: (headline, state, cycle) => `${headline} : ${state} (cycle ${cycle})`,
    allReviews: 'tous les examens du Mécanisme',
    confirmSubject: (scope) => `Veuillez confirmer votre abonnement : ${scope}`,
    confirmIntro: "Quelqu'un, probablement vous, a demandé à Open IRM d'envoyer un courriel à cette adresse lorsqu'un examen commence, lorsque son dialogue direct est programmé et lorsque ses documents sont publiés.",
    confirmAction: 'Pour confirmer, ouvrez ce lien dans les 7 jours :',
    confirmIgnore: "Si vous n'avez rien demandé, ignorez ce message : rien d'autre ne sera envoyé à cette adresse. Pour annuler la demande dès maintenant :",
    headline: { reviewStarted: 'Examen commencé', dialogueScheduled: 'Dialogue direct programmé', documentPublished: 'Document publié' },
    intro: {
      reviewStarted: "Un examen de pays du Mécanisme d'examen de l'application de la Convention des Nations Unies contre la corruption a commencé.",
      dialogueScheduled: "Le dialogue direct d'un examen de pays a été programmé.",
      documentPublished: "Un document d'un examen de pays a été publié.",
    },
    labels: {
      state: 'État partie examiné',
      cycle: "Cycle d'examen",
      date: { reviewStarted: 'Date de début', dialogueScheduled: 'Dates du dialogue', documentPublished: 'Date de publication' },
      document: 'Document',
      subscription: 'Votre abonnement',
    },
    moreAt: 'Étape et dates de chaque examen de cet État :',
    unsubscribe: 'Pour vous désabonner en un clic :',
    automatic: "Ce message a été envoyé automatiquement par Open IRM ; merci de ne pas y répondre.",
  },
  es: {
    line: colon,
    subject: (headline, state, cycle) => `${headline}: ${state} (ciclo ${cycle})`,
    allReviews: 'todos los exámenes del Mecanismo',
    confirmSubject: (scope) => `Confirme su suscripción: ${scope}`,
    confirmIntro: 'Alguien, probablemente usted, pidió a Open IRM que enviara un correo electrónico a esta dirección cuando comience un examen, cuando se programe su diálogo directo y cuando se publiquen sus documentos.',
    confirmAction: 'Para confirmar, abra este enlace en un plazo de 7 días:',
    confirmIgnore: 'Si usted no lo pidió, ignore este mensaje: no se enviará nada más a esta dirección. Para cancelar la solicitud ahora:',
    headline: { reviewStarted: 'Examen iniciado', dialogueScheduled: 'Diálogo directo programado', documentPublished: 'Documento publicado' },
    intro: {
      reviewStarted: 'Ha comenzado un examen de país del Mecanismo de Examen de la Aplicación de la Convención de las Naciones Unidas contra la Corrupción.',
      dialogueScheduled: 'Se ha programado el diálogo directo de un examen de país.',
      documentPublished: 'Se ha publicado un documento de un examen de país.',
    },
    labels: {
      state: 'Estado parte examinado',
      cycle: 'Ciclo de examen',
      date: { reviewStarted: 'Fecha de inicio', dialogueScheduled: 'Fechas del diálogo', documentPublished: 'Fecha de publicación' },
      document: 'Documento',
      subscription: 'Su suscripción',
    },
    moreAt: 'Etapa y fechas de cada examen de este Estado:',
    unsubscribe: 'Para cancelar la suscripción con un clic:',
    automatic: 'Open IRM envió este mensaje automáticamente; no lo responda.',
  },
  ru: {
    line: colon,
    subject: (headline, state, cycle) => `${headline}: ${state} (цикл ${cycle})`,
    allReviews: 'все обзоры Механизма',
    confirmSubject: (scope) => `Подтвердите подписку: ${scope}`,
    confirmIntro: 'Кто-то, вероятно вы, попросил Open IRM присылать на этот адрес письмо, когда начинается обзор, когда назначается его прямой диалог и когда публикуются его документы.',
    confirmAction: 'Чтобы подтвердить, откройте эту ссылку в течение 7 дней:',
    confirmIgnore: 'Если вы этого не запрашивали, не обращайте внимания на это письмо: больше ничего на этот адрес отправлено не будет. Чтобы отменить запрос сейчас:',
    headline: { reviewStarted: 'Начат обзор', dialogueScheduled: 'Назначен прямой диалог', documentPublished: 'Опубликован документ' },
    intro: {
      reviewStarted: 'Начат страновой обзор в рамках Механизма обзора хода осуществления Конвенции Организации Объединенных Наций против коррупции.',
      dialogueScheduled: 'Назначены даты прямого диалога в рамках странового обзора.',
      documentPublished: 'Опубликован документ странового обзора.',
    },
    labels: {
      state: 'Государство — участник под обзором',
      cycle: 'Цикл обзора',
      date: { reviewStarted: 'Дата начала', dialogueScheduled: 'Даты диалога', documentPublished: 'Дата публикации' },
      document: 'Документ',
      subscription: 'Ваша подписка',
    },
    moreAt: 'Этап и даты всех обзоров этого государства:',
    unsubscribe: 'Чтобы отписаться одним нажатием:',
    automatic: 'Это сообщение отправлено Open IRM автоматически; не отвечайте на него.',
  },
  zh: {
    line: (label, value) => `${label}：${value}`,
    subject: (headline, state, cycle) => `${headline}：${state}（第${cycle}周期）`,
    allReviews: '本机制的所有审议',
    confirmSubject: (scope) => `请确认订阅：${scope}`,
    confirmIntro: '有人（很可能是您）请求 Open IRM 在审议启动、直接对话排定以及审议文件公布时向此地址发送电子邮件。',
    confirmAction: '如需确认，请在 7 天内打开以下链接：',
    confirmIgnore: '如果这不是您的请求，请忽略此邮件：本地址不会再收到任何邮件。如需立即取消该请求：',
    headline: { reviewStarted: '审议已启动', dialogueScheduled: '直接对话已排定', documentPublished: '文件已公布' },
    intro: {
      reviewStarted: '《联合国反腐败公约》实施情况审议机制的一项国别审议已经启动。',
      dialogueScheduled: '一项国别审议的直接对话日期已经排定。',
      documentPublished: '一项国别审议的文件已经公布。',
    },
    labels: {
      state: '受审议缔约国',
      cycle: '审议周期',
      date: { reviewStarted: '启动日期', dialogueScheduled: '对话日期', documentPublished: '公布日期' },
      document: '文件',
      subscription: '您的订阅',
    },
    moreAt: '该国所有审议的阶段和日期：',
    unsubscribe: '一键退订：',
    automatic: '此邮件由 Open IRM 自动发送，请勿回复。',
  },
  ar: {
    line: colon,
    subject: (headline, state, cycle) => `${headline}: ${state} (الدورة ${cycle})`,
    allReviews: 'جميع استعراضات الآلية',
    confirmSubject: (scope) => `يُرجى تأكيد الاشتراك: ${scope}`,
    confirmIntro: 'طلب شخص ما، وربما أنت، من Open IRM إرسال رسالة بريد إلكتروني إلى هذا العنوان عند بدء استعراض، وعند تحديد موعد حواره المباشر، وعند نشر وثائقه.',
    confirmAction: 'للتأكيد، افتح هذا الرابط في غضون 7 أيام:',
    confirmIgnore: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُرسل أي شيء آخر إلى هذا العنوان. لإلغاء الطلب الآن:',
    headline: { reviewStarted: 'بدء استعراض', dialogueScheduled: 'تحديد موعد الحوار المباشر', documentPublished: 'نشر وثيقة' },
    intro: {
      reviewStarted: 'بدأ استعراض قُطري في إطار آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الفساد.',
      dialogueScheduled: 'حُدِّد موعد الحوار المباشر لاستعراض قُطري.',
      documentPublished: 'نُشرت وثيقة من وثائق استعراض قُطري.',
    },
    labels: {
      state: 'الدولة الطرف المستعرَضة',
      cycle: 'دورة الاستعراض',
      date: { reviewStarted: 'تاريخ البدء', dialogueScheduled: 'موعد الحوار', documentPublished: 'تاريخ النشر' },
      document: 'الوثيقة',
      subscription: 'اشتراكك',
    },
    moreAt: 'مرحلة جميع استعراضات هذه الدولة وتواريخها:',
    unsubscribe: 'لإلغاء الاشتراك بنقرة واحدة:',
    automatic: 'أُرسلت هذه الرسالة تلقائيًا من Open IRM؛ يُرجى عدم الرد عليها.',
  },
};

/** Intl locales as the web app uses them: day-month-year English, Western digits in Arabic. */
const INTL_LOCALES: Record<UnLanguage, string> = { ar: 'ar-u-nu-latn', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A calendar day (YYYY-MM-DD) in words of the language: "1 June 2016", "1 juin 2016", "2016年6月1日". */
export function formatDay(date: string, language: UnLanguage): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** What the subscription follows: a State's name, or all reviews of the Mechanism. */
export function scopeWords(language: UnLanguage, stateName: string | null): string {
  return stateName ?? WORDS[language].allReviews;
}

/**
 * The confirmation request, the only e-mail sent to an address before it is confirmed.
 * `stateName` is the State followed, in the language, or null for the whole Mechanism.
 */
export function confirmationEmail(language: UnLanguage, input: { stateName: string | null; confirmUrl: string; cancelUrl: string }): EmailText {
  const w = WORDS[language];
  const scope = scopeWords(language, input.stateName);
  return {
    subject: w.confirmSubject(scope),
    body: [w.confirmIntro, w.line(w.labels.subscription, scope), `${w.confirmAction}\n${input.confirmUrl}`, `${w.confirmIgnore}\n${input.cancelUrl}`, w.automatic].join('\n\n') + '\n',
  };
}

/**
 * The e-mail announcing one public event to a confirmed subscriber. `stateName` is the State
 * of the event in the language; `followed` what the subscription follows (a State's name, or
 * null for the whole Mechanism); `pageUrl` the State's public profile.
 */
export function announcementEmail(
  language: UnLanguage,
  event: SubscriptionEvent,
  input: { stateName: string; followed: string | null; pageUrl: string; unsubscribeUrl: string },
): EmailText {
  const w = WORDS[language];
  const day = formatDay(event.date, language);
  const detail = event.detail?.trim() || undefined;
  let when = day;
  const facts = [w.line(w.labels.state, input.stateName), w.line(w.labels.cycle, String(event.cycle))];
  if (event.kind === 'dialogueScheduled' && detail && isIsoDay(detail) && detail !== event.date) when = `${day} – ${formatDay(detail, language)}`;
  facts.push(w.line(w.labels.date[event.kind], when));
  if (event.kind === 'documentPublished' && detail) facts.push(w.line(w.labels.document, detail));
  return {
    subject: w.subject(w.headline[event.kind], input.stateName, event.cycle),
    body:
      [
        w.intro[event.kind],
        facts.join('\n'),
        `${w.moreAt}\n${input.pageUrl}`,
        `—\n${w.line(w.labels.subscription, scopeWords(language, input.followed))}\n${w.unsubscribe}\n${input.unsubscribeUrl}`,
        w.automatic,
      ].join('\n\n') + '\n',
  };
}
