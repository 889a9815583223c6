import { describe, expect, it } from 'vitest';
import { parseParticipantLines } from './participants.ts';

describe('participants typed one per line', () => {
  it('reads name; title; e-mail, with title and e-mail optional, skipping empty lines', () => {
    expect(parseParticipantLines(' Anna Berger ; Head of delegation ; anna@example.at \n\nLi Wei\nJuan Pérez; Adviser\n')).toEqual([
      { name: 'Anna Berger', title: 'Head of delegation', email: 'anna@example.at' },
      { name: 'Li Wei', title: '', email: '' },
      { name: 'Juan Pérez', title: 'Adviser', email: '' },
    ]);
  });

  it('keeps an empty name for the server to refuse, rather than dropping the line', () => {
    expect(parseParticipantLines('; Adviser')).toEqual([{ name: '', title: 'Adviser', email: '' }]);
  });
});
