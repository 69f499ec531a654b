import { fold } from '../core/fold-text.js';

/** `team report` and `my week`, in the four languages, typed fast (folded: no case, no diacritics). */
const TEAM = /^(team report|team stats|tiimin raportti|tiimiraportti|raport zespolu|raport zespołu|csapat ?jelentes|csapatjelentes)[.!?]*$/u;
const MINE = /^(my week|my stats|minun viikkoni|oma viikko|moj tydzien|mój tydzień|az en hetem|a hetem|en hetem)[.!?]*$/u;

export function reportCommand(text: string): 'team' | 'mine' | null {
  const t = fold(text).trim().replace(/^@?warmline[,:]?\s+/u, '').replace(/\s+/g, ' ');
  if (TEAM.test(t)) return 'team';
  if (MINE.test(t)) return 'mine';
  return null;
}
