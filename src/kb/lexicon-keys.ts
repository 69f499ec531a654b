/** The per-language lexicon lists the structural checks read (knowledge/languages/*.yaml). */
export type LexiconKey = 'greeting' | 'acknowledgement' | 'commitment' | 'followUp' | 'done' | 'timeFrame' | 'whenClause' | 'askCustomer' | 'detailRequest' | 'background' | 'contentless' | 'invitation' | 'pleasantry' | 'trouble';
export const LEXICON_KEYS: LexiconKey[] = ['greeting', 'acknowledgement', 'commitment', 'followUp', 'done', 'timeFrame', 'whenClause', 'askCustomer', 'detailRequest', 'background', 'contentless', 'invitation', 'pleasantry', 'trouble'];
