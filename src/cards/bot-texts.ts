import type { Lang } from '../core/contract.js';

/** The bot's own words, in the user's language (Teams locale); the review itself follows the draft's language. */
export interface BotTexts {
  /** The language of these texts: the reader's. */
  lang: Lang;
  welcome: string;
  help: string;
  verdict: Record<'send' | 'revise' | 'block', string>;
  findings: string;
  noFindings: string;
  why: string;
  source: string;
  suggestions: string;
  styles: Record<'warmer' | 'concise' | 'original', string>;
  useThis: string;
  nextStep: string;
  reviewAgain: string;
  draftLabel: string;
  customerLabel: string;
  review: string;
  reviewTitle: string;
  chosenIntro: string;
  tooLong: (limit: number) => string;
  emptyDraft: string;
  guidanceTitle: string;
  guidanceNone: string;
  coachingTitle: string;
  /** `team report` / `my week` (issue 10). */
  report: { team: string; mine: string; reviews: string; flagged: string; used: string; topRules: string; none: string; notAllowed: string; off: string };
  sayLike: string;
  avoid: string;
  practiceIntro: (rounds: number) => string;
  practiceCustomer: (round: number, rounds: number) => string;
  practiceScore: (score: number) => string;
  practiceSummary: (avg: number, rounds: number) => string;
  practiceStopped: string;
  tenantRefused: string;
  error: string;
  preview: string;
  unsupported: string;
  scores: string;
  /** Answers to messages that are not drafts (route-message.ts). */
  greetingReply: string;
  thanksReply: string;
  smalltalkReply: string;
  unknownReply: string;
  nothingToStop: string;
  /** When a short message could be a draft or a question about the guidance: the bot asks. */
  askWhich: string;
  askReview: string;
  askGuidance: string;
  /** A draft sent in a team channel is not reviewed there, in front of colleagues. */
  channelPrivate: string;
  /** Under an alternative that still has [placeholders]: what to fill in before sending. */
  fillIn: string;
  /** The Teams preview refuses to go ahead silently with placeholders left in the chosen text. */
  placeholderWarning: string;
  previewAnyway: string;
  edit: string;
  /** One line per score: what it measures. */
  scoreLines: { warmth: string; ownership: string; clarity: string };
  /** When the warmer and concise alternatives are the same text, one label for both. */
  oneAlternative: string;
}

const en: BotTexts = {
  report: { team: 'Team report: the last 7 days', mine: 'My week: the last 7 days', reviews: 'Drafts reviewed', flagged: 'Drafts with something to fix', used: 'Reviews where an alternative was used', topRules: 'Found most often', none: 'Nothing yet this week.', notAllowed: 'The team report is for supervisors (SUPERVISORS). "my week" shows your own figures.', off: 'Figures need the database: they are not kept with STORAGE=memory.' },
  lang: 'en',
  welcome: "Hi, I'm Warmline: a second read before you send. Paste a draft reply (optionally `customer: … draft: …`) and I'll show what might hurt, with warmer alternatives and a next step.",
  help: 'Paste a draft to review it, or write `customer: <their message> draft: <your reply>`.\n- `guidance <question>`: what our guidance says\n- `what should I say when <situation>`: example replies\n- `practice`: practise with a simulated customer (`stop` ends it)\n- `help`: this message',
  verdict: { send: 'Good to send', revise: 'Revise before sending', block: "Don't send this" },
  findings: 'What might hurt', noFindings: 'Nothing in the guidelines is hurt by this draft.', why: 'Why', source: 'Source',
  suggestions: 'Alternatives', styles: { warmer: 'Warmer', concise: 'Concise', original: 'Your draft' }, useThis: 'Use this',
  nextStep: 'Next step', reviewAgain: 'Review again', draftLabel: 'Your draft reply', customerLabel: "The customer's message (optional)",
  review: 'Review', reviewTitle: 'Warmline review', chosenIntro: 'Copy and send:',
  tooLong: (n) => `That draft is too long to review here (the limit is ${n} characters). Send a shorter part.`,
  emptyDraft: 'The draft is empty: paste the reply you want me to review.',
  guidanceTitle: 'What our guidance says', guidanceNone: "Our guidance doesn't cover that. Try other words, e.g. transfer, apology, policy.",
  coachingTitle: 'You could say', sayLike: 'Say it like this', avoid: 'Avoid',
  practiceIntro: (n) => `Practice: I'll play a customer for ${n} rounds. Answer as you would for real; write \`stop\` to end.`,
  practiceCustomer: (i, n) => `Customer (round ${i}/${n}):`,
  practiceScore: (s) => `Score for this answer: ${s}/100`,
  practiceSummary: (avg, n) => `Practice done: ${n} rounds, average ${avg}/100.`,
  practiceStopped: 'Practice stopped.',
  tenantRefused: "Warmline isn't enabled for your organisation.",
  error: 'Sorry, something went wrong on my side. Your draft is unchanged; please try again.',
  preview: 'Preview', unsupported: 'Language not supported; English guidance used.', scores: 'Warmth {w} · Ownership {o} · Clarity {c}',
  greetingReply: "Hi! Paste a draft reply and I'll give it a second read, or ask me what our guidance says. Type `help` for more.",
  thanksReply: "You're welcome! Paste the next draft whenever you like.",
  smalltalkReply: "I'm Warmline, a second read for customer replies before you send them. Paste a draft, ask `what should I say when…`, or type `practice`.",
  unknownReply: "I'm not sure what you'd like. Paste a draft to review it, ask what our guidance says, or type `help`.",
  nothingToStop: 'Nothing is running, so there is nothing to stop. Paste a draft whenever you like.',
  askWhich: 'Should I review this as a draft, or look up what our guidance says about it?',
  askReview: 'Review as a draft', askGuidance: 'Look up the guidance',
  channelPrivate: "I don't review drafts in a channel, where colleagues can see them. Send it to me in a 1:1 chat, or use Warmline's Review button in the compose box.",
  fillIn: 'Fill in before sending: {p}',
  placeholderWarning: 'This reply still has something to fill in: {p}. Edit it first, so the customer never sees the brackets.',
  previewAnyway: 'Preview anyway', edit: 'Edit',
  scoreLines: { warmth: 'Warmth {v}: greeting, thanks, apology, please, softened requests', ownership: 'Ownership {v}: what you will do yourself, and when', clarity: 'Clarity {v}: short sentences and one clear next step' },
  oneAlternative: 'Suggested reply',
};

const fi: BotTexts = {
  report: { team: 'Tiimin raportti: viimeiset 7 päivää', mine: 'Minun viikkoni: viimeiset 7 päivää', reviews: 'Tarkistettuja luonnoksia', flagged: 'Luonnoksia, joissa oli korjattavaa', used: 'Tarkistuksia, joissa käytettiin vaihtoehtoa', topRules: 'Useimmin löytyneet', none: 'Tällä viikolla ei vielä mitään.', notAllowed: 'Tiimin raportti on esihenkilöille (SUPERVISORS). ”minun viikkoni” näyttää omat lukusi.', off: 'Luvut tarvitsevat tietokannan: STORAGE=memory ei tallenna niitä.' },
  lang: 'fi',
  welcome: 'Hei, olen Warmline: toinen lukija ennen lähettämistä. Liitä vastausluonnos (tai `asiakas: … luonnos: …`), niin näytän, mikä voi satuttaa, ja ehdotan lämpimämmän vaihtoehdon ja seuraavan askeleen.',
  help: 'Liitä luonnos arvioitavaksi tai kirjoita `asiakas: <viesti> luonnos: <vastaus>`.\n- `guidance <kysymys>` tai `ohje <kysymys>`: mitä ohjeistus sanoo\n- `mitä sanon kun <tilanne>`: esimerkkivastauksia\n- `harjoittele`: harjoittele asiakkaan kanssa (`lopeta` lopettaa)\n- `help` tai `apua`: tämä ohje',
  verdict: { send: 'Valmis lähetettäväksi', revise: 'Muokkaa ennen lähettämistä', block: 'Älä lähetä tätä' },
  findings: 'Mikä voi satuttaa', noFindings: 'Luonnos ei riko ohjeistusta.', why: 'Miksi', source: 'Lähde',
  suggestions: 'Vaihtoehdot', styles: { warmer: 'Lämpimämpi', concise: 'Tiivis', original: 'Oma luonnoksesi' }, useThis: 'Käytä tätä',
  nextStep: 'Seuraava askel', reviewAgain: 'Arvioi uudelleen', draftLabel: 'Vastausluonnoksesi', customerLabel: 'Asiakkaan viesti (valinnainen)',
  review: 'Arvioi', reviewTitle: 'Warmline-arvio', chosenIntro: 'Kopioi ja lähetä:',
  tooLong: (n) => `Luonnos on liian pitkä arvioitavaksi täällä (raja on ${n} merkkiä). Lähetä lyhyempi osa.`,
  emptyDraft: 'Luonnos on tyhjä: liitä vastaus, jonka haluat arvioitavan.',
  guidanceTitle: 'Mitä ohjeistus sanoo', guidanceNone: 'Ohjeistus ei kata tätä. Kokeile muita sanoja, esim. siirto, anteeksipyyntö, käytäntö.',
  coachingTitle: 'Voisit sanoa', sayLike: 'Sano näin', avoid: 'Vältä',
  practiceIntro: (n) => `Harjoitus: esitän asiakasta ${n} kierroksen ajan. Vastaa kuin oikeasti; \`lopeta\` lopettaa.`,
  practiceCustomer: (i, n) => `Asiakas (kierros ${i}/${n}):`,
  practiceScore: (s) => `Vastauksen pisteet: ${s}/100`,
  practiceSummary: (avg, n) => `Harjoitus valmis: ${n} kierrosta, keskiarvo ${avg}/100.`,
  practiceStopped: 'Harjoitus lopetettu.',
  tenantRefused: 'Warmline ei ole käytössä organisaatiossasi.',
  error: 'Pahoittelen, jokin meni vikaan minun päässäni. Luonnoksesi on ennallaan; yritä uudelleen.',
  preview: 'Esikatsele', unsupported: 'Kieltä ei tueta; käytetään englanninkielistä ohjeistusta.', scores: 'Lämpö {w} · Omistajuus {o} · Selkeys {c}',
  greetingReply: 'Hei! Liitä vastausluonnos, niin luen sen ennen lähettämistä, tai kysy mitä ohjeistus sanoo. Kirjoita `apua` saadaksesi lisää.',
  thanksReply: 'Ole hyvä! Liitä seuraava luonnos, kun haluat.',
  smalltalkReply: 'Olen Warmline: toinen lukija asiakasvastauksille ennen lähettämistä. Liitä luonnos, kysy `mitä sanon kun…` tai kirjoita `harjoittele`.',
  unknownReply: 'En ole varma, mitä haluat. Liitä luonnos arvioitavaksi, kysy mitä ohjeistus sanoo tai kirjoita `apua`.',
  nothingToStop: 'Mikään ei ole käynnissä, joten lopetettavaa ei ole. Liitä luonnos, kun haluat.',
  askWhich: 'Arvioinko tämän luonnoksena vai haenko, mitä ohjeistus sanoo aiheesta?',
  askReview: 'Arvioi luonnoksena', askGuidance: 'Hae ohjeistuksesta',
  channelPrivate: 'En arvioi luonnoksia kanavalla, jossa kollegat näkevät ne. Lähetä se minulle kahdenkeskisessä keskustelussa tai käytä Warmlinen Arvioi-painiketta kirjoituskentässä.',
  fillIn: 'Täydennä ennen lähettämistä: {p}',
  placeholderWarning: 'Vastauksessa on vielä täydennettävää: {p}. Muokkaa se ensin, ettei asiakas näe hakasulkeita.',
  previewAnyway: 'Esikatsele silti', edit: 'Muokkaa',
  scoreLines: { warmth: 'Lämpö {v}: tervehdys, kiitos, pahoittelu, kohteliaat pyynnöt', ownership: 'Omistajuus {v}: mitä teet itse ja milloin', clarity: 'Selkeys {v}: lyhyet lauseet ja yksi selvä seuraava askel' },
  oneAlternative: 'Ehdotettu vastaus',
};

const pl: BotTexts = {
  report: { team: 'Raport zespołu: ostatnie 7 dni', mine: 'Mój tydzień: ostatnie 7 dni', reviews: 'Sprawdzone szkice', flagged: 'Szkice z czymś do poprawy', used: 'Sprawdzenia, po których użyto propozycji', topRules: 'Najczęściej znajdowane', none: 'W tym tygodniu jeszcze nic.', notAllowed: 'Raport zespołu jest dla przełożonych (SUPERVISORS). „mój tydzień” pokazuje Twoje wyniki.', off: 'Wyniki wymagają bazy danych: przy STORAGE=memory nie są zapisywane.' },
  lang: 'pl',
  welcome: 'Cześć, jestem Warmline: drugie spojrzenie przed wysłaniem. Wklej szkic odpowiedzi (lub `klient: … szkic: …`), a pokażę, co może urazić, i zaproponuję cieplejszą wersję oraz kolejny krok.',
  help: 'Wklej szkic do oceny albo napisz `klient: <wiadomość> szkic: <odpowiedź>`.\n- `guidance <pytanie>` lub `wytyczne <pytanie>`: co mówią wytyczne\n- `co powiedzieć gdy <sytuacja>`: przykładowe odpowiedzi\n- `ćwicz`: ćwiczenie z symulowanym klientem (`stop` kończy)\n- `help` lub `pomoc`: ta wiadomość',
  verdict: { send: 'Można wysłać', revise: 'Popraw przed wysłaniem', block: 'Nie wysyłaj tego' },
  findings: 'Co może urazić', noFindings: 'Szkic nie narusza wytycznych.', why: 'Dlaczego', source: 'Źródło',
  suggestions: 'Propozycje', styles: { warmer: 'Cieplej', concise: 'Zwięźle', original: 'Twój szkic' }, useThis: 'Użyj tego',
  nextStep: 'Kolejny krok', reviewAgain: 'Oceń ponownie', draftLabel: 'Twój szkic odpowiedzi', customerLabel: 'Wiadomość klienta (opcjonalnie)',
  review: 'Oceń', reviewTitle: 'Ocena Warmline', chosenIntro: 'Skopiuj i wyślij:',
  tooLong: (n) => `Szkic jest za długi, by go tu ocenić (limit to ${n} znaków). Wyślij krótszy fragment.`,
  emptyDraft: 'Szkic jest pusty: wklej odpowiedź, którą mam ocenić.',
  guidanceTitle: 'Co mówią nasze wytyczne', guidanceNone: 'Wytyczne tego nie obejmują. Spróbuj innych słów, np. przełączenie, przeprosiny, regulamin.',
  coachingTitle: 'Możesz powiedzieć', sayLike: 'Powiedz tak', avoid: 'Unikaj',
  practiceIntro: (n) => `Ćwiczenie: przez ${n} rundy będę klientem. Odpowiadaj jak naprawdę; \`stop\` kończy.`,
  practiceCustomer: (i, n) => `Klient (runda ${i}/${n}):`,
  practiceScore: (s) => `Wynik tej odpowiedzi: ${s}/100`,
  practiceSummary: (avg, n) => `Ćwiczenie zakończone: ${n} rundy, średnio ${avg}/100.`,
  practiceStopped: 'Ćwiczenie przerwane.',
  tenantRefused: 'Warmline nie jest włączony w Twojej organizacji.',
  error: 'Przepraszam, coś poszło nie tak po mojej stronie. Twój szkic jest bez zmian; spróbuj ponownie.',
  preview: 'Podgląd', unsupported: 'Język nieobsługiwany; użyto wytycznych po angielsku.', scores: 'Ciepło {w} · Odpowiedzialność {o} · Jasność {c}',
  greetingReply: 'Cześć! Wklej szkic odpowiedzi, a przeczytam go przed wysłaniem, albo zapytaj, co mówią wytyczne. Napisz `pomoc`, aby zobaczyć więcej.',
  thanksReply: 'Proszę bardzo! Wklej kolejny szkic, kiedy zechcesz.',
  smalltalkReply: 'Jestem Warmline: drugie czytanie odpowiedzi dla klientów przed wysłaniem. Wklej szkic, zapytaj `co powiedzieć gdy…` albo napisz `ćwicz`.',
  unknownReply: 'Nie jestem pewien, o co chodzi. Wklej szkic do oceny, zapytaj, co mówią wytyczne, albo napisz `pomoc`.',
  nothingToStop: 'Nic nie jest uruchomione, więc nie ma czego kończyć. Wklej szkic, kiedy zechcesz.',
  askWhich: 'Mam ocenić to jako szkic odpowiedzi czy sprawdzić, co mówią o tym wytyczne?',
  askReview: 'Oceń jako szkic', askGuidance: 'Sprawdź wytyczne',
  channelPrivate: 'Nie oceniam szkiców na kanale, gdzie widzą je współpracownicy. Wyślij go do mnie w czacie 1:1 albo użyj przycisku Warmline w polu pisania wiadomości.',
  fillIn: 'Uzupełnij przed wysłaniem: {p}',
  placeholderWarning: 'W odpowiedzi zostało coś do uzupełnienia: {p}. Najpierw ją popraw, żeby klient nie zobaczył nawiasów.',
  previewAnyway: 'Podgląd mimo to', edit: 'Edytuj',
  scoreLines: { warmth: 'Ciepło {v}: powitanie, podziękowanie, przeprosiny, uprzejme prośby', ownership: 'Odpowiedzialność {v}: co zrobisz sam(a) i kiedy', clarity: 'Jasność {v}: krótkie zdania i jeden jasny następny krok' },
  oneAlternative: 'Proponowana odpowiedź',
};

const hu: BotTexts = {
  report: { team: 'Csapatjelentés: az elmúlt 7 nap', mine: 'Az én hetem: az elmúlt 7 nap', reviews: 'Ellenőrzött piszkozatok', flagged: 'Javítanivalót tartalmazó piszkozatok', used: 'Ellenőrzések, ahol javaslatot használtak', topRules: 'Leggyakrabban talált', none: 'Ezen a héten még semmi.', notAllowed: 'A csapatjelentés a vezetőknek szól (SUPERVISORS). Az „én hetem” a saját számaidat mutatja.', off: 'A számokhoz adatbázis kell: STORAGE=memory mellett nem tárolódnak.' },
  lang: 'hu',
  welcome: 'Szia, Warmline vagyok: egy második olvasat küldés előtt. Illeszd be a válaszpiszkozatot (vagy `ügyfél: … piszkozat: …`), és megmutatom, mi bánthat, melegebb változatot és következő lépést javaslok.',
  help: 'Illeszd be a piszkozatot, vagy írd: `ügyfél: <üzenet> piszkozat: <válasz>`.\n- `guidance <kérdés>` vagy `irányelv <kérdés>`: mit mondanak az irányelvek\n- `mit mondjak ha <helyzet>`: példaválaszok\n- `gyakorlás`: gyakorlás szimulált ügyféllel (`stop` befejezi)\n- `help` vagy `súgó`: ez az üzenet',
  verdict: { send: 'Elküldhető', revise: 'Küldés előtt javítsd', block: 'Ezt ne küldd el' },
  findings: 'Ami bánthat', noFindings: 'A piszkozat nem sérti az irányelveket.', why: 'Miért', source: 'Forrás',
  suggestions: 'Javaslatok', styles: { warmer: 'Melegebb', concise: 'Tömör', original: 'A piszkozatod' }, useThis: 'Ezt használom',
  nextStep: 'Következő lépés', reviewAgain: 'Újra ellenőrzés', draftLabel: 'A válaszpiszkozatod', customerLabel: 'Az ügyfél üzenete (nem kötelező)',
  review: 'Ellenőrzés', reviewTitle: 'Warmline-értékelés', chosenIntro: 'Másold és küldd el:',
  tooLong: (n) => `A piszkozat túl hosszú az itteni ellenőrzéshez (a korlát ${n} karakter). Küldj rövidebb részt.`,
  emptyDraft: 'A piszkozat üres: illeszd be a választ, amit ellenőrizzek.',
  guidanceTitle: 'Mit mondanak az irányelveink', guidanceNone: 'Az irányelvek ezt nem fedik le. Próbálj más szavakat, pl. kapcsolás, bocsánatkérés, szabályzat.',
  coachingTitle: 'Ezt mondhatod', sayLike: 'Mondd így', avoid: 'Kerüld',
  practiceIntro: (n) => `Gyakorlás: ${n} körön át én leszek az ügyfél. Válaszolj úgy, mint élesben; a \`stop\` befejezi.`,
  practiceCustomer: (i, n) => `Ügyfél (${i}/${n}. kör):`,
  practiceScore: (s) => `A válasz pontszáma: ${s}/100`,
  practiceSummary: (avg, n) => `Gyakorlás vége: ${n} kör, átlag ${avg}/100.`,
  practiceStopped: 'Gyakorlás leállítva.',
  tenantRefused: 'A Warmline nincs engedélyezve a szervezeted számára.',
  error: 'Elnézést, valami hiba történt nálam. A piszkozatod változatlan; próbáld újra.',
  preview: 'Előnézet', unsupported: 'Nem támogatott nyelv; angol irányelvek alapján.', scores: 'Melegség {w} · Felelősségvállalás {o} · Érthetőség {c}',
  greetingReply: 'Szia! Illeszd be a válaszpiszkozatot, és elküldés előtt átolvasom, vagy kérdezd meg, mit mondanak az irányelvek. Írd be: `súgó`, ha többet szeretnél.',
  thanksReply: 'Szívesen! Illeszd be a következő piszkozatot, amikor szeretnéd.',
  smalltalkReply: 'Warmline vagyok: második olvasat az ügyfélválaszokhoz küldés előtt. Illessz be egy piszkozatot, kérdezd: `mit mondjak ha…`, vagy írd be: `gyakorlás`.',
  unknownReply: 'Nem vagyok biztos benne, mit szeretnél. Illessz be egy piszkozatot, kérdezd meg, mit mondanak az irányelvek, vagy írd be: `súgó`.',
  nothingToStop: 'Semmi sem fut, így nincs mit befejezni. Illessz be egy piszkozatot, amikor szeretnéd.',
  askWhich: 'Piszkozatként nézzem át, vagy keressem meg, mit mondanak róla az irányelvek?',
  askReview: 'Átnézés piszkozatként', askGuidance: 'Irányelvek keresése',
  channelPrivate: 'Csatornában nem nézek át piszkozatot, ahol a kollégák is látják. Küldd el nekem privát csevegésben, vagy használd a Warmline gombját az üzenetíró mezőben.',
  fillIn: 'Küldés előtt töltsd ki: {p}',
  placeholderWarning: 'A válaszban még van kitöltendő rész: {p}. Előbb szerkeszd, hogy az ügyfél ne lásson szögletes zárójelet.',
  previewAnyway: 'Előnézet mégis', edit: 'Szerkesztés',
  scoreLines: { warmth: 'Melegség {v}: köszönés, köszönet, bocsánatkérés, udvarias kérések', ownership: 'Felelősségvállalás {v}: mit teszel te magad, és mikor', clarity: 'Érthetőség {v}: rövid mondatok és egy világos következő lépés' },
  oneAlternative: 'Javasolt válasz',
};

export const BOT_TEXTS: Record<Lang, BotTexts> = { en, fi, pl, hu };

/** The user's language from a Teams or Web Chat locale ("fi-FI", "pl", "hu-HU"); English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return code === 'fi' || code === 'pl' || code === 'hu' ? code : 'en';
}

export function textsFor(locale: string | undefined): BotTexts {
  return BOT_TEXTS[langFromLocale(locale)];
}
