import { describe, expect, it } from 'vitest';
import { UN_LANGUAGES } from '../parties/party.ts';
import { announcementEmail, confirmationEmail, formatDay } from './messages.ts';
import { ANNOUNCEMENT_KINDS, type SubscriptionEvent } from './subscriptions.ts';

const links = { pageUrl: 'https://irm.example.org/countries/AUT', unsubscribeUrl: 'https://irm.example.org/subscriptions/unsubscribe?token=U' };
const started: SubscriptionEvent = { kind: 'reviewStarted', iso3: 'AUT', cycle: 2, date: '2016-06-01' };

describe('subscription e-mails', () => {
  it('asks to confirm, names what is followed, and offers to cancel', () => {
    const mail = confirmationEmail('en', { stateName: 'Austria', confirmUrl: 'https://x/subscriptions/confirm?token=C', cancelUrl: 'https://x/subscriptions/unsubscribe?token=U' });
    expect(mail.subject).toBe('Please confirm your subscription: Austria');
    expect(mail.body).toContain('Your subscription: Austria');
    expect(mail.body).toContain('within 7 days:\nhttps://x/subscriptions/confirm?token=C');
    expect(mail.body).toContain('To cancel the request now:\nhttps://x/subscriptions/unsubscribe?token=U');
    expect(confirmationEmail('fr', { stateName: null, confirmUrl: 'c', cancelUrl: 'u' }).subject).toBe('Veuillez confirmer votre abonnement : tous les examens du Mécanisme');
  });

  it('announces a start with the State, the cycle and the day in words of the language', () => {
    const mail = announcementEmail('en', started, { stateName: 'Austria', followed: 'Austria', ...links });
    expect(mail.subject).toBe('Review started: Austria (cycle 2)');
    expect(mail.body).toBe(
      [
        'A country review of the Implementation Review Mechanism of the United Nations Convention against Corruption has started.',
        'State under review: Austria\nReview cycle: 2\nStarted on: 1 June 2016',
        'Stage and dates of every review of this State:\nhttps://irm.example.org/countries/AUT',
        '—\nYour subscription: Austria\nTo unsubscribe with one click:\nhttps://irm.example.org/subscriptions/unsubscribe?token=U',
        'This message was sent automatically by Open IRM; do not reply to it.',
      ].join('\n\n') + '\n',
    );
    expect(announcementEmail('ru', started, { stateName: 'Австрия', followed: null, ...links }).body).toContain('Ваша подписка: все обзоры Механизма');
  });

  it('gives a scheduled dialogue its first and last day, and a published document its name', () => {
    const dialogue = announcementEmail('fr', { kind: 'dialogueScheduled', iso3: 'AUT', cycle: 2, date: '2016-09-12', detail: '2016-09-14' }, { stateName: 'Autriche', followed: 'Autriche', ...links });
    expect(dialogue.subject).toBe('Dialogue direct programmé : Autriche (cycle 2)');
    expect(dialogue.body).toContain('Dates du dialogue : 12 septembre 2016 – 14 septembre 2016');
    const oneDay = announcementEmail('en', { kind: 'dialogueScheduled', iso3: 'AUT', cycle: 2, date: '2016-09-12', detail: '2016-09-12' }, { stateName: 'Austria', followed: null, ...links });
    expect(oneDay.body).toContain('Dates of the dialogue: 12 September 2016\n');
    const published = announcementEmail('es', { kind: 'documentPublished', iso3: 'AUT', cycle: 2, date: '2017-01-10', detail: 'Resumen (español)' }, { stateName: 'Austria', followed: 'Austria', ...links });
    expect(published.subject).toBe('Documento publicado: Austria (ciclo 2)');
    expect(published.body).toContain('Fecha de publicación: 10 de enero de 2017\nDocumento: Resumen (español)');
  });

  it('is written in all six languages, each kind, with the links and no English left in the others', () => {
    const english = announcementEmail('en', started, { stateName: 'X', followed: null, ...links }).body.split('\n\n')[0]!;
    for (const language of UN_LANGUAGES) {
      for (const kind of ANNOUNCEMENT_KINDS) {
        const mail = announcementEmail(language, { ...started, kind, detail: kind === 'dialogueScheduled' ? '2016-06-03' : undefined }, { stateName: 'X', followed: null, ...links });
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.body).toContain(links.pageUrl);
        expect(mail.body).toContain(links.unsubscribeUrl);
        if (language !== 'en') expect(mail.body).not.toContain(english);
      }
      const confirm = confirmationEmail(language, { stateName: null, confirmUrl: 'https://c', cancelUrl: 'https://u' });
      expect(confirm.body).toContain('https://c');
      expect(confirm.body).toContain('https://u');
    }
  });

  it('formats days in UTC with Western digits in Arabic, as the web app does', () => {
    expect(formatDay('2016-06-01', 'ar')).toMatch(/1.*2016/);
    expect(formatDay('2016-06-01', 'zh')).toBe('2016年6月1日');
    expect(formatDay('2016-06-01', 'ru')).toBe('1 июня 2016 г.');
  });
});
