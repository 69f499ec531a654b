import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Assistant } from '../src/assistant/assistant.js';
import { stripMention } from '../src/assistant/route-message.js';
import { parseJsonLines } from '../src/eval/read-jsonl.js';
import { scoreIntents, type IntentItem } from '../src/eval/score-intents.js';
import { testKnowledgeBase } from './kb-fixture.js';

const assistant = new Assistant({ kb: await testKnowledgeBase(), maxDraft: 8000 });
const route = (text: string, locale = 'en-US') => assistant.route(text, locale);

describe('what the user wants, in fi/pl/hu/en, typed from an English client', () => {
  it.each([
    ['hi', 'greeting', 'en'], ['moikka!', 'greeting', 'fi'], ['dzien dobry', 'greeting', 'pl'], ['szia', 'greeting', 'hu'],
    ['thanks', 'thanks', 'en'], ['kiitti paljon', 'thanks', 'fi'], ['dzięki!', 'thanks', 'pl'], ['köszi szépen', 'thanks', 'hu'],
    ['Help!', 'help', 'en'], ['apua', 'help', 'fi'], ['w czym mozesz mi pomoc?', 'help', 'pl'], ['mit tudsz csinalni?', 'help', 'hu'],
    ['harjoitellaan', 'practice', 'fi'], ['chce pocwiczyc', 'practice', 'pl'], ['gyakoroljunk', 'practice', 'hu'], ["let's practise", 'practice', 'en'],
    ['lopeta', 'stop', 'fi'], ['koniec', 'stop', 'pl'], ['elég volt', 'stop', 'hu'], ["I'm done", 'stop', 'en'],
  ])('%j is %s (%s)', (text, intent, lang) => {
    const r = route(text);
    expect(r.intent).toBe(intent);
    expect(r.lang).toBe(lang);
  });

  it('questions to the bot are never reviewed as drafts', () => {
    expect(route('How do I respond to a customer who wants a refund?').intent).toBe('coaching');
    expect(route('mitä ohjeistuksemme sanoo siirroista?')).toMatchObject({ intent: 'guidance', lang: 'fi' });
    expect(route('co mówią nasze zasady o przełączaniu?')).toMatchObject({ intent: 'guidance', lang: 'pl' });
    expect(route('ohje siirrot')).toMatchObject({ intent: 'guidance', lang: 'fi', text: 'siirrot' });
    expect(route('co powiedzieć gdy klient jest zły z powodu opóźnionej dostawy?')).toMatchObject({ intent: 'coaching', lang: 'pl' });
    expect(route("is 'you are a valued customer' fine or is that a hollow phrase?").intent).toBe('guidance');
    expect(route('onko ok vastata "en tiedä" jos en oikeasti tiedä?')).toMatchObject({ intent: 'guidance', lang: 'fi' });
    expect(route('how do i ask for the ticket number again without sounding rude')).toMatchObject({ intent: 'coaching', lang: 'en' });
    expect(route('asiakas haluaa rahansa takaisin, miten vastaan')).toMatchObject({ intent: 'coaching', lang: 'fi' });
    expect(route("is it ok to say 'calm down'?").intent).toBe('guidance');
    expect(route('saako asiakkaalle sanoa että "tämä on meidän käytäntö"?').intent).toBe('guidance');
  });

  it('a draft that is itself a question or request to the customer is still reviewed', () => {
    for (const draft of ['Could you send me the order number?', 'Voisitko lähettää tilausnumeron?', 'Czy może Pan podać numer zamówienia?', 'Megadná a rendelésszámot?', 'Can I have your order number?']) {
      expect(route(draft).intent, draft).toBe('review');
    }
    expect(route('Hi Anna, thanks for waiting, your refund is on the way.').intent).toBe('review');
    expect(route("I'd be happy to help you with the refund.").intent).toBe('review');
    expect(route('Nope.').intent).toBe('review');
    expect(route('Takie są zasady i nic na to nie poradzę.').intent).toBe('review');
  });

  it('the labelled form and a review command carry the draft and the customer message', () => {
    expect(route('asiakas: Missä pakettini on? luonnos: Ei kuulu meille.')).toMatchObject({ intent: 'review', customer: 'Missä pakettini on?', text: 'Ei kuulu meille.' });
    expect(route('sprawdz prosze: Nie wiem.')).toMatchObject({ intent: 'review', text: 'Nie wiem.' });
    expect(route('review')).toMatchObject({ intent: 'review', text: '' });
  });

  it('asks rather than guesses when a short message could be a topic, and gives up on what it cannot act on', () => {
    expect(route('refunds?').intent).toBe('ask');
    expect(route('asdf').intent).toBe('unknown');
    expect(route('🙂').intent).toBe('unknown');
  });

  it('reads questions about the bot itself, and a reply\'s own thanks, for what they are', () => {
    // What the bot is for, asked in a sentence that says "you" as a reply to a customer does.
    expect(route("I'm new here, what is this bot for?").intent).toBe('help');
    expect(route('mihin tätä bottia käytetään?').intent).toBe('help');
    expect(route('do czego służy ten bot?').intent).toBe('help');
    expect(route('mire jó ez a bot?').intent).toBe('help');
    // The bot asked about itself.
    expect(route('do you ever get bored of all these complaints lol').intent).toBe('smalltalk');
    expect(route('lubisz swoją robotę?').intent).toBe('smalltalk');
    expect(route('szereted a munkád?').intent).toBe('smalltalk');
    // A reply opening with the thanks it gives a customer is a draft, not thanks to the bot.
    expect(route('Dziękujemy za zgłoszenie. Niestety tym zajmuje się inny dział.').intent).toBe('review');
    expect(route('Köszönjük a türelmét, a csomag holnap érkezik.').intent).toBe('review');
    expect(route('thanks, that was useful').intent).toBe('thanks');
    // "for you" asks the customer; the same words about a customer ask the bot.
    expect(route('What can I do to put this right for you?').intent).toBe('review');
    expect(route('what can I do when a customer keeps interrupting?').intent).toBe('coaching');
    // Asking for wording in other words than "what should I say".
    expect(route('need a friendlier way to decline a refund').intent).toBe('coaching');
    expect(route('anna esimerkkilauseita hinnankorotuksen perusteluun').intent).toBe('coaching');
    expect(route('milyen szavakkal mondjam el, hogy késik a szállítás?').intent).toBe('coaching');
    // Finnish case forms of the guidance's words ("linjauksissa", "ohjeistuksen").
    expect(route('mitä linjauksissa sanotaan hyvityksistä').intent).toBe('guidance');
  });

  it('reads thanks at the end, "where do I start", rehearsing and a labelled reply in more words', () => {
    expect(route('ok now it works, thanks').intent).toBe('thanks');
    expect(route('no nyt se toimii, kiitti').intent).toBe('thanks');
    expect(route('Your order is on its way, thank you').intent).toBe('review');
    expect(route('nie wiem od czego zacząć').intent).toBe('help');
    expect(route('what are you for?').intent).toBe('help');
    expect(route('I want to rehearse a complaint call').intent).toBe('practice');
    expect(route('klient: gdzie paczka? odp: nie wiem').intent).toBe('review');
    expect(route('podaj kilka zdań na odmowę zwrotu').intent).toBe('coaching');
  });

  it('reads a banned phrase, a stop, a how-to and a salutation to a named customer for what they are', () => {
    expect(route('is "no problem at all" on the banned list?').intent).toBe('guidance');
    expect(route('tiltott kifejezés nálunk az, hogy „megértését köszönjük”?').intent).toBe('guidance');
    expect(route('przerwij').intent).toBe('stop');
    expect(route('harjoitus ohi').intent).toBe('stop');
    expect(route('what can this bot do').intent).toBe('help');
    expect(route('how can I tactfully tell a caller we are closing?').intent).toBe('coaching');
    expect(route('daj mi pare zwrotow na odmowe rabatu').intent).toBe('coaching');
    expect(route('kuinka paljon saa selittää taustoja ohjeistuksen mukaan?').intent).toBe('guidance');
    expect(route('Witam Panią, czy paczka już dotarła?').intent).toBe('review');
    expect(route('Hei Laura, ehditkö jo kokeilla uutta salasanaa?').intent).toBe('review');
    expect(route('milyen heted volt?').intent).toBe('smalltalk');
  });

  it('reads a reply that thanks the customer, a story about a customer, "nie wiem jak to działa" and "kilépek" for what they are', () => {
    expect(route('Köszönjük levelét! A számlát javítottuk, holnap megkapja.').intent).toBe('review');
    expect(route('the customer is furious because the engineer never came').intent).toBe('coaching');
    expect(route('nie wiem jak tego używać').intent).toBe('help');
    expect(route('kilépek most').intent).toBe('stop');
    expect(route("what's the capital of france").intent).toBe('unknown');
    expect(route('according to our guidelines may I promise a callback time?').intent).toBe('guidance');
  });

  it('reads a capitalised either-or question as asked of a customer, and "can you help me with something" as help', () => {
    expect(route('Haluatteko laskun paperisena vai sähköisenä?').intent).toBe('review');
    expect(route('Az eredeti kártyát kéri vissza, vagy egy újat?').intent).toBe('review');
    expect(route('hey, can you help me with a quick question?').intent).toBe('help');
    expect(route('köszii').intent).toBe('thanks');
  });

  it('reads a report of what the customer says, typed as the first words, as asking how to handle it', () => {
    expect(route('the customer claims the parcel never arrived but tracking says delivered').intent).toBe('coaching');
    expect(route('asiakas vaatii hyvitystä vaikka takuu on umpeutunut').intent).toBe('coaching');
    expect(route('klient twierdzi że nie dostał faktury a my ją wysłaliśmy').intent).toBe('coaching');
    expect(route('az ügyfél azt állítja hogy kétszer terheltük meg').intent).toBe('coaching');
    // Said to the customer, it is still a draft.
    expect(route('As the customer, you can ask for the invoice again in your account.').intent).toBe('review');
  });

  it('reads a question whether a phrase counts as one of the guidelines as a question about the guidance', () => {
    expect(route("is 'we value your feedback' considered a hollow phrase?").intent).toBe('guidance');
    expect(route('czy w naszej polityce jest coś o zawieszaniu rozmowy').intent).toBe('guidance');
    expect(route('ootko sä botti vai ihminen').intent).toBe('smalltalk');
  });

  it('removes the mention in any form before reading the message', () => {
    expect(stripMention('<at>Warmline</at> help')).toBe('help');
    expect(stripMention('@Warmline, kiitos')).toBe('kiitos');
    expect(route('@Warmline help').intent).toBe('help');
  });

  it.each([
    ['intents-dev.jsonl', 300],
    ['intents-dev2.jsonl', 277],
    ['intents-dev3.jsonl', 330],
    ['intents-dev4.jsonl', 260],
    ['intents-dev5.jsonl', 272],
    ['intents-dev6.jsonl', 275],
    ['intents-dev7.jsonl', 256],
    ['intents-dev8.jsonl', 271],
    ['intents-dev9.jsonl', 240],
    ['intents-dev10.jsonl', 270],
  ])('the development set %s (%i messages, written blind) reaches 95 percent with no non-draft reviewed', (file, count) => {
    const items = parseJsonLines(readFileSync(`test/data/intents/${file}`, 'utf8')).map((l) => ('value' in l ? (l.value as IntentItem) : null)).filter((x) => x !== null);
    const report = scoreIntents(items, assistant.kb);
    expect(report.items).toBe(count);
    expect(report.correct / report.items).toBeGreaterThanOrEqual(0.95);
    expect(report.reviewedWrongly).toBe(0);
  });
});
