import { describe, expect, it } from 'vitest';
import { review } from '../src/engine/review.js';

const rude = (lang: 'fi' | 'pl' | 'hu' | 'en', customer: string, draft: string) =>
  review({ lang, customer, draft, channel: 'email' }).findings.filter((f) => f.guideline === 'rude-or-judgemental-scare-quotes').map((f) => f.quote);

describe('scare quotes: the customer’s own word put back in quotation marks', () => {
  it('is found in any of the four languages, whatever the word', () => {
    expect(rude('en', 'My bike was stolen from the shed last night.', 'We see a fair number of bikes "stolen" soon after a policy starts, so this claim will be checked closely.')).toEqual(['"stolen"']);
    expect(rude('pl', 'To pilne, potrzebuję faktury dzisiaj.', 'Rozumiem, że „pilne”. Faktura przyjdzie jutro.')).toEqual(['„pilne”']);
    expect(rude('fi', 'Puhelin hajosi itsestään, en tehnyt mitään.', 'Laitteen sisällä on kosteutta, eli se on hajonnut "itsestään" märissä oloissa.')).toEqual(['"itsestään"']);
    expect(rude('hu', 'A bakancs nem kényelmes, szeretném visszaküldeni.', 'A bakancs láthatóan sok hegyet bejárt, mielőtt kiderült, hogy „nem kényelmes”.')).toEqual(['„nem kényelmes”']);
  });

  it('leaves quotations that quote: a status, a button, what to type, a word the customer quoted first', () => {
    expect(rude('en', 'Tracking says delivered but nothing came.', 'The tracking says "delivered", so I have opened a search with the courier.')).toEqual([]);
    expect(rude('en', 'How do I save?', 'Click "Save" at the bottom of the page.')).toEqual([]);
    expect(rude('en', 'Can I still cancel? yes or no', 'Just reply "yes" and I will cancel the order today.')).toEqual([]);
    expect(rude('en', 'Better one with the "love" symbol, thank you!', 'The "love" symbol looks awesome, did you draw it?')).toEqual([]);
    expect(rude('pl', 'Czy paczka jest już w doręczeniu?', 'Status zmienił się na „w doręczeniu”, kurier będzie dziś.')).toEqual([]);
    expect(rude('fi', 'Mistä vaihdan laskutusosoitteen?', "Kun kirjoitat hakukenttään 'laskutusosoitteen', ohje tulee ensimmäisenä.")).toEqual([]);
    expect(rude('hu', 'Hol tudom a számlázási címet módosítani?', 'Ha beírja a keresőbe, hogy „számlázási címet”, az első találat a jó.')).toEqual([]);
  });

  it('needs the customer’s word: a quoted word of the agent’s own is no scare quote', () => {
    expect(rude('en', 'Where is my order?', 'Your order is in the "ready to ship" queue and leaves tomorrow.')).toEqual([]);
    expect(rude('en', '', 'We see bikes "stolen" every week.')).toEqual([]);
  });
});
