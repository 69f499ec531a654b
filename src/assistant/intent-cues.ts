import type { Lang } from '../core/contract.js';

/**
 * The words by which users tell the bot what they want, per language, as regular-expression sources over
 * folded text (lower case, no diacritics: users type "kiitti", "dzieki", "koszi"). Typos that people make
 * often are alternatives of their own. route-message.ts reads these; nothing here decides on its own.
 *
 * - `greeting`, `thanks`, `help`, `practice`, `stop`, `smalltalk`: a whole short message made of these words
 *   (with `filler` words such as "please", "ok", the bot's name) is that intent.
 * - `guidanceWord`: words naming the guidance itself (guidelines, policy, training); `guidanceAsk`: asking
 *   whether a phrase is allowed ("is it ok to say", "saako sanoa").
 * - `coachingAsk`: the agent asking how to act or what to say ("what should I say", "miten vastaan").
 * - `customerWord`: the customer in the third person, as one talks *about* them, not to them.
 * - `addressesCustomer`: words a reply uses *to* a customer (second person, polite address, "we" of the
 *   company, apologies): the marks of a draft.
 */
export interface IntentCues {
  greeting: string;
  thanks: string;
  help: string;
  practice: string;
  stop: string;
  smalltalk: string;
  filler: string;
  guidanceWord: string;
  guidanceAsk: string;
  coachingAsk: string;
  customerWord: string;
  addressesCustomer: string;
  /** Asking permission: a question that starts so is about the guidance ("saako asiakkaalle sanoa…?"). */
  permission: string;
  /** Words that only a request to practise uses, anywhere in the message ("i want to practice refund calls"). */
  practiceWord: string;
  /** Speaking to someone in the second person: "Can I have your number?" asks the customer, not the bot. */
  secondPerson: string;
  /** Asking about a quoted reply ("is this ok to send: '…'", "kuinka paha: \"…\""): the quote is the draft to review. */
  quoteCheck: string;
  /** Telling the story of a customer ("I had this guy on the phone who…"): asking how to handle it. */
  story: string;
  /** Words that open a question ("what", "mikä", "jak", "hogyan"): with a word of the guidance, a question about it. */
  questionWord: string;
  /** Things the bot cannot do for the user (send a message for them, translate, look up an order): unknown. */
  offTopic: string;
  /** Labels that put a draft (or the customer's message) in the message: `luonnos:`, `szkic:`. */
  draftLabel: string;
  customerLabel: string;
  /** A command word followed by a topic: `ohje siirrot`, `wytyczne przeprosiny`. */
  guidanceCommand: string;
  reviewCommand: string;
  /** Asking what the bot is for or how to use it, in a sentence ("i'm new, what is this bot for?", "mire jó ez a bot?"). */
  helpAsk: string;
  /** Asking the bot about itself ("do you ever get tired?", "lubisz swoją pracę?"): small talk, though it says "you". */
  botSelf: string;
  /** Thanks a reply gives a customer ("Dziękuję za wiadomość.", "Köszönjük megkeresését."): a draft's opening, not thanks to the bot. */
  thanksCustomer: string;
  /** Doing something for the person addressed ("…for you?", "Önért"): a question to a customer, not to the bot. */
  servesYou: string;
}

export const INTENT_CUES: Record<Lang, IntentCues> = {
  en: {
    greeting: 'hi+|hey+|hello+|helo|hallo|heya|hiya|yo|good (morning|afternoon|evening|day)|morning|howdy|greetings',
    thanks: 'thank ?you|thanks?|ok|okay|k|kk|thx|thnx|thanx|ty|tysm|cheers|much appreciated|appreciate it|great|perfect|awesome|nice|cool|brilliant|super|helpful|that helps|that helped|got it|ok thanks',
    help: 'help|help me|helpp|halp|what can you do|what do you do|how does (this|it|this bot|the bot) work|how do i use (this|you|it|the bot)|commands|menu|instructions|how to use|usage|what (am i|do i|should i) (supposed to )?(type|write|do) here|first time (using|here)|what is this|commands?|(get|have) (my|a) (draft|reply) (checked|reviewed)|\\?+',
    practice: "practi[cs]e|(let'?s )?(do |go |try )?(another|one more) (round|go|one|try)|practi[cs]ing|let'?s practi[cs]e|train me|training mode|role ?play|simulate a customer|quiz me|drill",
    stop: "(ok |okay |right )?(we can|let'?s|we could|i think we can|i'?ll) (stop|finish|end|leave it) (here|now|there|for now|for today)|stop|quit|exit|cancel|end|enough|i'?m done|done|finish|that'?s enough|stop it|abort|end practi[cs]e|stop practi[cs]e|enough for today|(i'?m|i am) (done|finished)|let'?s stop|end (the )?(session|practi[cs]e|roleplay)",
    smalltalk: "you'?re (pretty |quite |so |very |really )?(smart|clever|funny|great|useless|good)( for a (bot|robot|machine))?|how are you|how'?s your day( going)?|how is your day( going)?|how'?s it going|who are you|what are you|are you (a )?(bot|robot|human|real|ai)|are you there|lol|haha+|what'?s up|sup|good bot|bad bot|you'?re (great|funny|useless|smart)|i love you|tell me a joke|bored|i'?m bored|what is your name|what'?s your name|who (made|created|built|wrote|programmed) you|ha(h|ha)+|ugh\\w*|meh|mondays?|long day|tired|i'?m tired|(rough|long|busy|crazy|tough|hard) day|xd|do you speak|can you speak|are you (chatgpt|gpt|an ai|a bot|a robot|human|real)|do you (ever )?(sleep|eat|dream|get tired)",
    filler: 'please|pls|plz|ok|okay|oh|so|again|now|bot|warmline|there|mate|team|all|everyone|very|so much|a lot|lots|you|man|buddy|dear|and|for|the|this|that|me|again|really|just',
    guidanceWord: 'guidance|guidelines?|guide|polic(y|ies)|rules?|training|handbook|manual|playbook|standards?|procedures?|best practices?|the docs?|documents?|materials?|kb|knowledge base|autofails?|auto-?fails?|automatic fails?|instant fails?|quality (review|score|check|evaluation)|qa (score|review|form|check)|scorecard',
    guidanceAsk: "(is|are) (that|this|it) (a |an )?(hollow|empty|banned|forbidden|bad|robotic|stock|scripted) (phrase|apology|wording|line|expression)|why is .{1,80} (bad|wrong|a bad phrase|not ok)|(is|are|does|do)( .{1,80})? (considered|counted as|count as|seen as|classed as|classified as) (a |an )?[a-z]+ (phrase|apology|wording|fail|autofail)|(per|according to) (our|the) (guidance|guidelines|training)|on (the|our) (avoid|banned|forbidden|no-?go|do-?not-?say|blacklist|black list) list|(a |an )?(banned|forbidden|prohibited) (phrase|word|sentence|expression)|is it true|(is|are) .{1,40} a no-?go|what (does|do|did) .{0,40}(guidance|guidelines?|polic(y|ies)|rules?|training|handbook|manual|docs?|documents?) say|(does|do|did) (the|our) (guidance|guidelines?|training|polic(y|ies)|rules?|handbook|manual|docs?) (say|mention|cover|tell|talk)|(rules?|guidance|guidelines?|polic(y|ies)) (about|on|for|regarding)|is it (ok|okay|fine|alright|allowed|acceptable)|am i allowed|are we allowed|(?:^|[.?!] )is .{1,40} (ok|okay|allowed)(?=\\s*\\?|$)|allowed to say|can i use the phrase",
    coachingAsk: "how (do|should|can|would|could) (i|we) (politely|nicely|kindly|gently|best|tactfully|professionally) (ask|say|tell|explain|refuse|decline|apologi[sz]e|end|put)|(what'?s|whats|what is) a (good|nice|polite|better|proper|kind|warm|friendly) ([a-z]+ )?(phrase|way|wording|sentence|line|reply|response) (for|to)|what (should|do|can|would|could) (i|we) (say|tell|write|reply|answer|do|respond)|how (do|should|can|would|could) (i|we) (ask|request|remind|chase|confirm|say|tell|respond|reply|answer|handle|deal|react|explain|word|phrase|apologi[sz]e|calm|approach|manage|de-?escalate|break|let|give|refuse|decline|write)|how to (say|tell|respond|reply|answer|handle|deal|react|explain|word|phrase|apologi[sz]e|calm|approach|manage|de-?escalate|break|refuse|decline|write)|what'?s the (best|right) (way|thing)|any (tips|advice|ideas)|tips (for|on)|advice (for|on)|help me (word|phrase|answer|reply|respond)|what (do|should) (i|we) do (when|if)|example (replies|phrases|answers)|what to say|what would you say|what do you say to|(nicer|better|kinder|softer|politer|gentler|polite|nice|warmer|friendlier|more positive|more polite|more professional|less harsh|less blunt) way (to|of) (say|saying|tell|telling|put|putting|phrase|word|decline|refuse|write)|(good|best|nice|polite|better|right|kind|gentle|professional) way to|best practice for|any (phrases|wording|examples|lines|scripts)|phrases for|how (do|should|can) (i|we) [a-z]+ (to|that|the)",
    customerWord: 'customers?|clients?|callers?|users?|buyers?|shoppers?|the guy|a guy|someone|somebody|they are|they\'re|he is|she is|he\'s|she\'s',
    addressesCustomer: "how can i help|how may i help|i can help|i'?d be (happy|glad) to help|happy to help|glad to help|you|your|you'?re|you'?ve|you'?ll|you'?d|yours|yourself|we|we'?re|we'?ve|we'?ll|our|us|sorry|apologi[sz]e|apologies|thanks for (your|reaching|contacting|waiting|getting|letting|the)|thank you for|dear|regards|kind regards|best regards|sincerely|hi [a-z]+,|hello [a-z]+,",
    permission: "(can|could|may|should|must) (i|we|agents?)|is it (ok|okay|fine|alright|allowed|acceptable|good|bad|wrong|rude)|am i allowed|are we allowed|are agents allowed|do (i|we) (have|need) to|is there a rule|are there rules|what counts as",
    practiceWord: "rehears\\w*|quiz me|test me|practi[cs]e (mode|session|round|chat|call|calls|conversation)|role-?play\\w*|simulat\\w*|mock (call|chat|customer)|let'?s practi[cs]e|want to practi[cs]e|start (a )?practi[cs]e|pretend (to be|you'?re) (a|an|the) (customer|client)|be (a|an|the) (angry|upset|difficult)? ?customer",
    secondPerson: "you|your|you'?re|you'?ve|you'?ll|you'?d|yours",
    quoteCheck: "ok to send|okay to send|fine to send|good to send|is this ok|is this okay|how bad|how does this sound|what do you think|rate this|sent this|wrote this|replied this|check this|thoughts",
    story: "^(the |a |my |this |our )?(customer|caller|client) (says|said|claims|claimed|insists|insisted|keeps saying|is saying|told me|tells me|wants|wanted|is asking|asked|is demanding|demands|thinks|swears)|(the|a|my) (customer|caller|client)('s| is) (now )?(blaming|angry|furious|shouting|threatening|demanding|insisting)|i had (this|a|one) (guy|lady|customer|caller|woman|man|client|person)|(this|a) (guy|lady|caller) (who|that|called|rang|kept)|customer (who|that) (keeps|kept|called|calls|rang|has called)",
    questionWord: "what|what's|whats|how|why|when|where|which|who|is|are|does|do|did|can|should|any",
    offTopic: "capital of|who won|how tall is|what year (is|was)|what time is it|(time|weather) in [a-z]+|(send|forward|email) (this|it) to|translate|what'?s the weather|weather in|order status|status of (order|my order)|book (me |my )?(a|vacation|holiday|time off|days off|leave)",
    draftLabel: 'draft|reply|my reply|answer|response',
    customerLabel: 'customer|client|cust',
    guidanceCommand: 'guidance|guidelines?|policy',
    reviewCommand: 'review|check|check this|review this|proofread|rate|grade',
    helpAsk: "not sure what to (type|write|do|say|ask) here|what (do|should|can) i (type|write|ask) here|where (do|should) i (even )?start|what (kind|sort|kinds|sorts) of (stuff|things|questions) can i (ask|do)|can you help me with (something|a (quick )?(thing|question|message|reply|draft))|what can (this|the) (bot|thing|tool|app) do|what (is|are) (this|you|this bot|the bot|warmline|this thing) (for|good for|used for|meant for)|what (can|do|should) i use (this|you|it|the bot|this bot) for|(i'?m|im|i am) new( here)?,? (what|how)",
    botSelf: 'do you (ever )?(get tired|get bored|get annoyed|get sick of|sleep|dream|eat|have feelings|enjoy (your|this) job|like (your|this) job|like being)|are you (tired|bored|having fun)|who (made|built|coded|programmed|created|wrote) you',
    thanksCustomer: 'thanks? (you )?for (your (message|email|e-mail|patience|enquiry|inquiry|question|order|feedback)|reaching out|contacting us|getting in touch|letting us know|waiting|bearing with us)',
    servesYou: 'for you|for u',
  },
  fi: {
    greeting: 'moi+|moikka|moro|morjens|hei+|heippa|terve|tervehdys|huomenta|hyvaa (huomenta|paivaa|iltaa)|paivaa|iltaa|hellurei|moikku|heissan|heipsan|heips|moikkelis',
    thanks: 'ok|okei|okei|selva|selvä|joo|kiitos|kiitti|kiitoksia|kitos|kiitos paljon|kiitti paljon|kiitos avusta|kiitos tasta|kiitos kovasti|kiitoksii|kiitokset|kii|tack|loistavaa|mahtavaa|hienoa|hyva|hyvä|selva|okei kiitos|autoit|auttoi|super|siisti|jes',
    help: 'apua|apu|apuu|ohje|ohjeet|help|auta|auta mua|auta minua|mita (sa |sina |te )?(osaat|osaatte|voit|teet)( tehda)?|miten (tata|tätä|tama|tää|taa) (bottia |ohjelmaa )?(kaytetaan|toimii|kaytan)|en ymmarra miten (tama|taa|tää|tata) toimii|ensimmaista kertaa|miten tama toimii|kayttoohje|komennot|komento\\w*|valikko|(luonnos|luonnoksen|vastauksen|viestin) (tarkist\\w*|arvio\\w*)|\\?+',
    practice: 'harjoittele|harjoitellaan|harjoitus|harjoittelu|harjoittelen|haluan harjoitella|treenataan|treeni|treenaa|harjotellaan|harjottele|roolipeli|simuloi asiakas',
    stop: 'lopeta|lopetetaan|lopetus|stoppi|stoppaa|harjoitus loppu|harjoitus ohi|loppu|lopeta harjoitus|lopetetaan harjoitus|riittaa|riittää|seis|stop|poistu|lopetan|(ma|mä|mina) lopetan|pois|keskeyta|peruuta|valmis|tama riittaa|tää riittää|taa riittaa|riittaa talta paivalta',
    smalltalk: '(ootko|oletko|ootsa|olet ?sa) (oikea|oikee|aito|ihan oikea) (ihminen|ihmine)|mita kuuluu|mitas kuuluu|miten menee|mites menee|kuka olet|kuka sa oot|mika olet|mika sa oot|mika sina olet|oletko (botti|robotti|ihminen|tekoaly)|ootko (botti|robotti|ihminen)|haha+|hah|lol|tylsaa|mulla on tylsaa|hyva botti|huono botti|kerro vitsi|kuka (sut|sinut|teidat) (teki|loi|ohjelmoi)|huh\\w*|mika paiva|pitka paiva|rankka paiva|puhutko|osaatko (ruotsia|englantia|suomea|puolaa|unkaria)|(ootko|oletko) (sa |sina )?(ihminen|botti|robotti|tekoaly) vai (ihminen|botti|robotti|tekoaly)|tylsa\\w*|vasyttaa|vasynyt|pitka paiva|hah\\w*',
    filler: 'vaan|vain|nyt|taas|jo|viela|ok|okei|no|niin|sulle|teille|botti|warmline|kaikille|paljon|tosi|kovasti|ja|hei|mulle|minulle|taa|tama|tasta|siita|sita',
    guidanceWord: 'guideline\\w*|linja|linjat|linjaa|ohjeistu\\w*|ohjee\\w*|ohje|ohjeet|ohjeissa|ohjeita|ohjeiden|saanno\\w*|saanto\\w*|linjau\\w*|politiika\\w*|kaytanto\\w*|kaytanno\\w*|koulutu\\w*|materiaali\\w*|dokumenti\\w*|opas|oppaa\\w*|periaat\\w*|tietopankki\\w*|autofail\\w*|laatuarvi\\w*|laadunarvi\\w*',
    guidanceAsk: 'onko (ok|okei|ookoo|sallittua|hyva|soveliasta|asiallista|sopivaa) (vastata|sanoa|kirjoittaa|todeta|kayttaa|luvata)|onks (ok|okei) (vastata|todeta|luvata)|miksi .{1,80} (huono|vaarin|väärin|kielletty)|onks (ok|okei) (sanoa|sanoo|kertoa|kertoo|kirjoittaa|kirjottaa|laittaa|mainita)|kielle?tty (sana|lause|fraasi|ilmaus)|kiellettyjen (sanojen |lauseiden |fraasien )?listalla|onko totta|(ohje\\w*|saann\\w*|koulutu\\w*|materiaali\\w*|kaytanto\\w*|kaytanno\\w*|linjau\\w*|guideline\\w*) (sanoo|sanovat|sanotaan|lukee|kertoo|kertovat|kerrotaan|ohjeistaa|neuvoo|neuvovat)|mita .{0,40}(sanoo|sanovat) .{0,20}(ohje|saanto|koulutu)|saako (sanoa|kirjoittaa|kayttaa)|saanko (sanoa|kirjoittaa|kayttaa)|voinko sanoa|voiko sanoa|onko ok sanoa|onko (ok|okei|sallittua|hyva) (sanoa|kirjoittaa|kayttaa)|sopiiko sanoa|kannattaako sanoa',
    coachingAsk: 'mita (ma|mun|minun|mina|me)? ?(sanon|sanoisin|vastaan|vastaisin|kirjoitan|kirjoittaisin|teen|tekisin|pitaisi sanoa|pitaa sanoa|kannattaa sanoa)|miten (ma|mun|minun|mina|me)? ?(vastaan|vastaisin|toimin|toimisin|hoidan|hoitaisin|sanon|sanoisin|kasittelen|kasittelisin|pitaisi|kannattaa|rauhoitan|selitan|kerron|suhtaudun|reagoin)|kuinka (vastaan|toimin|hoidan|sanon|pitaisi|kannattaa)|(miten|kuinka) (?!paljon|kauan|monta|usein|pitkaan)([a-z]+ )?[a-z]{3,}[aeiouy]n|(mita|miten) (tahan|tähän|tan|tän|sen|taman) (vastais|sanois|kirjottais|kirjoittais)\\w*|tarvi\\w* ([a-z]+ )?(lause\\w*|sanamuodo\\w*|fraasi\\w*)|miten vastata|miten toimia|miten hoitaa|mita vastata|mita sanoa|miten sanoa|miten kertoa|miten suhtautua|miten kasitella|miten (kohteliaasti|kauniisti|ystavallisesti|hienosti|nätisti|natisti|parhaiten) (sanon|sanoisin|kerron|kertoisin|vastaan|vastaisin)|anna (pari |muutama |joitain |joitakin )?(esimerkki\\w*|vinkk\\w*|vinki\\w*|lausei\\w*|fraase\\w*|malli\\w*)|milla (sanoilla|tavalla|lauseella|fraasilla)|millaisella (lauseella|viestilla)|vinkkeja|neuvoja|esimerkkivastau\\w*',
    customerWord: 'asiakas|asiakkaa\\w*|asiakkai\\w*|asiakkaan|soittaja\\w*|kayttaja\\w*|joku|hän|han on|se on vihainen|ostaja\\w*',
    addressesCustomer: '(hei|moi|terve|huomenta) (?!botti|bot|warmline)[a-z]{3,},|miten voin auttaa|voinko auttaa|autan mielellani|tervetuloa|[a-z]+(tko|tteko|than|tten)|olet|olette|oot|sait|saitte|teit|teitte|sinulla|sulla|teilla|sina|sinun|sinulle|sinua|sua|sulle|sun|te|teidan|teille|teita|teilta|voisitko|voisitteko|voitko|voitteko|olisitko|olisitteko|lahettaisitko|lahettakaa|lahetatko|kertoisitko|kertoisitteko|ilmoitathan|otathan|pahoittelu\\w*|pahoittelemme|pahoittelen|anteeksi|valitettavasti|kiitos (viestista|yhteydenotosta|kun otit|kun otitte|odottamisesta|karsivallisyydesta|tiedosta|palautteesta)\\w*|me |meidan|meilla|olemme|ystavallisin terveisin|terveisin|hyva asiakas|arvoisa',
    permission: "saako|saanko|saammeko|voiko|voinko|voimmeko|onks (ok|okei|sallittua|soveliasta)|onko (ok|okei|sallittua|hyva|soveliasta|kohteliasta|sopivaa|oikein|pakko)|pitaako|pitääkö|taytyyko|kuuluuko|sopiiko|kannattaako",
    practiceWord: "\\w*simulaatio\\w*|harjoit\\w*|harjot\\w*|treena\\w*|roolipel\\w*|simul\\w*|esita asiakasta|ole asiakas|oot asiakas|olet asiakas",
    secondPerson: '[a-z]+(tko|tteko)|sina|sinun|sinulle|sua|sulle|sun|te|teidan|teille|teita',
    quoteCheck: "onks (tama|taa|tää|tämä) (ok|okei|hyva)|kuinka paha|miten paha|onko (tama|taa|tää|tämä) (ok|okei|hyva)|voiko (tan|taman|tämän) lahettaa|kelpaako|lahetti (tan|taman|tämän)|kirjoitti (tan|taman)|mita mielta|arvioi|tarkista",
    story: "^asiakas (vaittaa|vaitti|sanoo|sanoi|haluaa|halusi|vaatii|vaati|kysyy|kysyi|valittaa|uhkaa|uhkasi|kertoo|kertoi|ihmettelee|luulee|on sita mielta|ei usko)|(mulla|minulla|meilla) oli ([a-z]+ )?(asiakas|soittaja|mies|nainen|tyyppi)|asiakas (joka|soitti|on soittanut|soittaa jo)",
    questionWord: "mita|mika|miten|mites|kuinka|milloin|miksi|onko|onks|saako|saaks|voiko|voiks|pitaako|pitaaks|mitka|kuka",
    offTopic: "(laheta|laita|valita) (tama|taa|tää|tämä|se) (asiakkaalle|eteenpain)|kaanna|saa on|sää on|saa huomenna|tilauksen [0-9]+ tila|tilauksen tila|varaa (mulle|minulle)",
    draftLabel: 'vastausluonnos|luonnosvastaus|vastausehdotus|luonnos|vastaus|vastaukseni|luonnokseni|viesti',
    customerLabel: 'asiakas|asiakkaan viesti',
    guidanceCommand: 'ohje|ohjeistus|ohjeet|guidance',
    reviewCommand: 'arvioi|tarkista|tarkasta|katso|review',
    helpAsk: '(voitko|voisitko|voiks|voitsa) (auttaa|auttaisitko) ([a-z]+ ){0,3}(asiakasviesti\\w*|viesti\\w*|vastaukse\\w*|luonnokse\\w*)|en (tieda|tiia|tii) miten (tama|taa|tata|tan|tää|tätä) (toimii|toimi|kaytetaan|kuuluu kayttaa)|mista (ma |mina )?(aloitan|aloittaisin)|mihin (tata|tama|taa|sua|sinua|teita) (bottia )?(kaytetaan|kaytan|voi kayttaa|kayttaisin)|mita (talla|tolla) (botilla )?(voi tehda|tehdaan|teen)|(olen|oon|ma oon) uusi,? (mita|miten|mihin|mika)',
    botSelf: '(onks|onko|ootko|oletko) (sulla|sinulla) (kivaa|tylsaa|hauskaa|kiire\\w*)|tykkaatko (tyostasi|tyosta|tyostas|tasta tyosta)|kuka (sut|sinut|teidat) on (tehny\\w*|luonut|ohjelmoin\\w*|koodan\\w*)|kuka (sut|sinut|teidat) (teki|loi|ohjelmoi|koodas\\w*)|ootko (vasynyt|vasyny|kyllastynyt)',
    thanksCustomer: 'kiitos (viestista|yhteydenotosta|kun otit|kun otitte|odottamisesta|karsivallisyydesta|tiedosta|palautteesta|tilauksesta|kysymyksesta)\\w*',
    servesYou: '(sinun|teidan) (puolestasi|puolestanne|hyvaksesi|hyvaksenne)',
  },
  pl: {
    greeting: 'czesc|czes|hej+|hejka|siema|siemka|elo|witam|witaj|dzien dobry|dobry wieczor|dobry|halo|serwus|hello|hi',
    thanks: 'ok|okej|dobra|jasne|rozumiem|dzieki|dziekuje|dziekuje bardzo|dzieks|dziekuwa|dzieki wielkie|wielkie dzieki|thx|super|swietnie|dobra dzieki|ok dzieki|spoko|fajnie|git|bardzo pomocne|pomogles|pomoglo|dziekuje za pomoc|dzieki za pomoc',
    help: 'pomoc|pomocy|pomoz|pomoz mi|help|co (ty )?(potrafisz|umiesz|mozesz|robisz)|w czym (mozesz|mi mozesz) (mi )?pomoc|co (moge|mozna) tu robic|pierwszy raz (uzywam|tu jestem|korzystam)|jak (to|ten bot) dziala|jak tego uzywac|jak cie uzywac|instrukcja|komendy|komend\\w*|menu|(szkic|odpowiedz)\\w* do (sprawdzenia|oceny)|\\?+',
    practice: 'cwicz|cwiczmy|cwiczenie|cwiczenia|pocwiczmy|chce pocwiczyc|pocwiczyc|trening|trenuj|potrenujmy|symulacja|odegraj klienta|scenka',
    stop: 'stop|koniec|przerwij|przerwijmy|wychodze|wychodzimy|wyjdzmy|zakoncz\\w*|zakonczmy|przestan|wystarczy|dosc|anuluj|wyjdz|koniec cwiczen|skoncz\\w*|konczymy|koncze|koncz|koncze na dzis|na dzis wystarczy',
    smalltalk: '(masz|czy masz) (jakies )?imie|jak (sie )?nazywasz|jak masz na imie|jak (ci|tobie) mija (dzien|dzionek|tydzien)|nudno|nuda|nudy|jak sie masz|co tam|co slychac|kim jestes|czym jestes|jestes (botem|robotem|czlowiekiem|ai)|haha+|hehe+|lol|nudzi mi sie|jak leci|dobry bot|glupi bot|opowiedz kawal|jak masz na imie|kto cie (stworzyl|zrobil|napisal|zaprogramowal)|haha\\w*|dobre|zmeczon\\w*|(ciezki|dlugi|meczacy|szalony) (dzien|dzionek)|ale (dzis |dzisiaj )?(byl |mialam |mialem |jest )?(dzien|zmiana|dniowka)|mowisz po|xd',
    filler: 'prosze|ok|okej|dobra|no|jeszcze|teraz|bot|warmline|wszystkim|bardzo|wielkie|i|za|to|mi|ci|ja|juz|raz',
    guidanceWord: 'wytyczn\\w*|zasad\\w*|regul\\w*|polityk\\w*|polityc\\w*|procedur\\w*|szkoleni\\w*|instrukcj\\w*|dokument\\w*|material\\w*|standard\\w*|podreczni\\w*|przepis\\w*|regulamin\\w*|autofail\\w*|ocenie rozmow|ocena rozmow|ocen jakosci|kontrol\\w* jakosci',
    guidanceAsk: 'dlaczego .{1,80} (zle|zly|zla|bledem)|zakazan\\w* (zwrot|fraz|slow|wyrazen)\\w*|na liscie (zakazanych|zabronionych)|czy to prawda|(nie wolno|wolno) (mowic|pisac|powiedziec)|co (mowia|mowi|mowily) .{0,40}(wytyczn|zasad|regul|polityk|procedur|szkoleni|instrukcj)\\w*|(wytyczn|zasad|regul|polityk|procedur)\\w* (o|w sprawie|dotyczac\\w*|na temat)|czy (moge|mozna|wolno|mozemy|powinienem|powinnam) (powiedziec|napisac|uzyc|mowic)|czy (to|tak) (jest )?(ok|w porzadku|dozwolone)|wolno (powiedziec|napisac)|mozna (powiedziec|napisac|mowic)',
    coachingAsk: '(daj|podaj|podac|dac) (mi )?(kilka|pare|jakies|jakis|przyklad\\w*)( [a-z]+)? ?(zdan|zwrotow|fraz|przyklad\\w*|odpowiedzi)?|jak (uprzejmie|grzecznie|ladnie|milo|taktownie) (poprosic|powiedziec|napisac|odmowic|przeprosic|zapytac)|co (mam|mamy|moge|powinienem|powinnam|powinnismy|by) ?(powiedziec|odpowiedziec|napisac|zrobic|mowic|odpisac)|co (powiedziec|odpowiedziec|napisac|zrobic|robic|mowic|odpisac)|jak (mam|moge|powinienem|powinnam|mamy|najlepiej)? ?(odpowiedziec|odpisac|powiedziec|zareagowac|postapic|rozmawiac|obsluzyc|uspokoic|wytlumaczyc|przeprosic|napisac|odmowic|sie zachowac|poradzic)|jak (odpowiedziec|odpisac|powiedziec|zareagowac|postapic|rozmawiac|obsluzyc|uspokoic|wytlumaczyc|przeprosic|napisac|odmowic|sie zachowac|poradzic sobie)|(daj|podaj) (kilka |pare |jakies )?(przyklad\\w*|wskazowk\\w*|rad\\w*|zdan\\w*|zdania|sformulowan\\w*)|jakies (rady|wskazowki|porady)|jak (grzecznie|ladnie|uprzejmie|dobrze|najlepiej|profesjonalnie|delikatnie) (powiedziec|odpowiedziec|napisac|odmowic|przekazac|przeprosic)|przykladowe odpowiedzi|jakimi slowami|jakim zdaniem|(cieplej|ladniej|milej|grzeczniej|delikatniej|lagodniej|uprzejmiej) (powiedziec|napisac|odmowic|przekazac|odpisac|sformulowac)|potrzebuje ([a-z]+ )?(zdania|zdan|sformulowania|tekstu)',
    customerWord: 'klient\\w*|klientk\\w*|dzwoniac\\w*|rozmowc\\w*|uzytkownik\\w*|kupujac\\w*|ktos|facet|pani krzyczy|pan krzyczy',
    addressesCustomer: '(czesc|dzien dobry|witam|hej|witaj) (?!bot|warmline)[a-z]{3,},|w czym moge pomoc|w czym moge panu|pan|pani|panu|pana|panstwo|panstwa|panstwu|ty|ciebie|tobie|twoj\\w*|twoja|moze pan|moglby|moglaby|mogliby|prosze o|prosimy|uprzejmie|przepraszam\\w*|przepraszamy|przykro (mi|nam)|dziekuje za (wiadomosc|kontakt|cierpliwosc|zgloszenie|informacje)|dziekujemy|my |nasz\\w*|pozdrawiam|z powazaniem|szanown\\w*|sprawdze|sprawdzimy|zajme sie|zajmiemy sie',
    permission: "czy (mozna|moge|mozemy|wolno|powinienem|powinnam|powinnismy|trzeba|musze|musimy|to ok|jest ok|wypada)|wolno (mi|nam)",
    practiceWord: "cwicz\\w*|przecwicz\\w*|pocwicz\\w*|symulacj\\w*|odegraj\\w*|scenk\\w*|potrenuj\\w*|potrenowa\\w*|trenowa\\w*|trening\\w*|udawaj( [a-z]+)? (klienta|klientke)|zagraj( [a-z]+)? (klienta|klientke|rozmowe)|badz (klientem|klientka)",
    secondPerson: 'pan|pani|panu|pana|panstwo|panstwa|ty|ciebie|cie|tobie|twoj\\w*',
    quoteCheck: "czy (to|tak) (jest )?(ok|dobrze|w porzadku)( (wyslac|napisac))?|jak (to )?brzmi|jak bardzo zle|co sadzisz|ocen to|sprawdz to|wyslal (to|cos takiego)|wyslala (to|cos takiego)|napisal (to|cos takiego)|napisala",
    story: "^(klient|klientka|pan|pani) (twierdzi|mowi|powiedzial|powiedziala|chce|zada|zadal|zadala|pyta|pytal|pytala|grozi|narzeka|upiera sie|uwaza|pisze ze|mowi ze)|(mam|mialem|mialam|miala|mial) ([a-z]+ )?(takiego|taka|jednego|jedna|klienta|klientke|pana|pania)|klient (ktory|ktora|dzwoni|dzwonil|pisze)",
    questionWord: "co|jak|czy|kiedy|dlaczego|gdzie|ktory|ktora|jakie|ile",
    offTopic: "(wyslij|przeslij|przekaz) (te|ta|to|ten)? ?(odpowiedz|wiadomosc)? ?(do )?(klienta|klientowi)|przetlumacz|jaka (jutro )?pogoda|pogoda w|status zamowienia|zamow mi",
    draftLabel: 'szkic|odpowiedz|odp|moja odpowiedz|wiadomosc|draft',
    customerLabel: 'klient|klientka|wiadomosc klienta',
    guidanceCommand: 'wytyczne|zasady|guidance',
    reviewCommand: 'ocen|sprawdz|sprawdz to|przejrzyj|review',
    helpAsk: '(nie wiem )?jak (mam )?zaczac|co (moge|mozna|mam) tu robic|nie wiem jak (to|ten bot|tego) (dziala|uzywac|obslugiwac)|od czego (mam )?zaczac|(nie wiem )?jak (dziala|dzialasz) (ten bot|bot|to|ta aplikacja)|do czego (sluzy|sluzysz|jest|sie przydaje|moge (cie|tego|go) uzyc|sie (ciebie|tego) uzywa)|(jestem|jestes) (nowa|nowy),? (do czego|jak|co)|jak (z )?(tego|ciebie|tego bota) (korzystac|uzywac)',
    botSelf: '(lubisz|kochasz|nienawidzisz) (swoja |swoj |ta |te )?(prace|robote)|(jestes|bywasz) (zmeczony|zmeczona|znudzony|znudzona)|kto cie (stworzyl|zrobil|napisal|zaprogramowal|wymyslil)',
    thanksCustomer: 'dziekuj\\w* za (wiadomosc|kontakt|cierpliwosc|zgloszenie|informacje|czekanie|wyrozumialosc|zapytanie|pytanie|zamowienie)\\w*',
    servesYou: 'dla (pana|pani|panstwa|ciebie)',
  },
  hu: {
    greeting: 'szia+|sziasztok|sziuka|szius|sziusztok|szeva|szio|szevasz|hello|helo|hali|hali+|hi|jo napot|jo reggelt|jo estet|udv|udvozlom|udvozollek|csa+|csumi|heló',
    thanks: 'ok|oke|okes|rendben|ertem|vilagos|koszi+|koszonom|koszonom szepen|koszonjuk|kosz|koszke|koszike|koszi szepen|kossz|kosszi|nagyon koszonom|koszonom a segitseget|koszi a segitseget|szuper|remek|klassz|nagyszeru|tokeletes|oke koszi|rendben koszi|sokat segitettel|ez segitett|kiraly|thx',
    help: 'segitseg|segits|segitsegre|segits nekem|sugo|help|mit tudsz( csinalni)?|mire vagy kepes|mit csinalsz|hogyan mukodik( ez)?|hogy mukodik( ez)?|ez hogy mukodik|eloszor hasznalom|hogyan hasznaljam|hogy hasznaljam|parancsok|parancs\\w*|menu|utmutato|piszkozat\\w* (ellenoriz\\w*|atnez\\w*)|\\?+',
    practice: 'gyakorlas|gyakorolj|gyakoroljunk|gyakorolni|gyakorolnek|szeretnek gyakorolni|gyakorlo mod|edzes|tréning|trening|szimulacio|szerepjatek|jatsszuk el',
    stop: 'stop|kilepek|kilepunk|allj|alljunk meg|vege|eleg|eleg volt|eleg mara|kilepes|kilep|megse|befejez\\w*|fejezzuk be|abbahagy\\w*|kesz|ennyi|ennyi volt|mara ennyi',
    smalltalk: '(te )?(egy )?(mesterseges intelligencia|ai|mi|robot|gep|chatbot) vagy|szeretsz (itt )?dolgozni|milyen (napod|napja|heted|hete) (volt|van|telt)|hogy vagy|hogy vagy\\?|mi ujsag|mizu|ki vagy|mi vagy|bot vagy|robot vagy|ember vagy|haha+|hehe+|lol|unatkozom|jo bot|rossz bot|mondj egy viccet|mi a neved|ki (csinalt|keszitett|irt|programozott) teged|ki hozott letre|haha\\w*|faradt vagyok|hosszu nap|durva nap|nehez nap|(te )?(robot|bot|ember) vagy|beszelsz',
    filler: 'kerlek|legyszi|legyszives|ok|oke|okes|rendben|jo|hat|meg|most|bot|warmline|mindenkinek|nagyon|szepen|es|a|az|ezt|ezert|neked|nektek|is',
    guidanceWord: 'iranyelv\\w*|iranymutatas\\w*|treninganyag\\w*|trening (szerint|alapjan)|tananyag\\w*|szabaly\\w*|szabalyzat\\w*|utmutat\\w*|kezikonyv\\w*|kepzes\\w*|oktatas\\w*|anyag\\w*|dokumentum\\w*|eloiras\\w*|policy|protokoll\\w*|eljaras\\w*|standard\\w*|autofail\\w*|ertekeles\\w*|minosegellenorz\\w*',
    guidanceAsk: 'a (treningen|kepzesen|oktatason) mit (mondtak|mondott|tanultunk|mondanak)|mi a baj|tiltott (mondat|kifejezes|szo|fordulat)\\w*|tiltolistan|tilos (mondani|irni|azt mondani)|miert (rossz|nem jo|helytelen)|igaz,? hogy|mit (mond|mondanak|ir|irnak|ajanl|ajanlanak) .{0,40}(iranyelv|szabaly|utmutat|kepzes|kezikonyv|eloiras)\\w*|(iranyelv|szabaly|utmutat|kepzes|kezikonyv|eloiras)\\w* (mit|szerint)|szabad (mondani|irni|azt mondani)|mondhatom|irhatom|mondhatjuk|lehet (mondani|irni|azt mondani)|(ok|oke|rendben van|elfogadhato),? ha (azt )?(mondom|irom)|illik (mondani|irni)',
    coachingAsk: 'mit (mondjak|mondjunk|mondhatok|irjak|irjunk|valaszoljak|valaszoljunk|tegyek|tegyunk|csinaljak|kellene mondani|kell mondani|kellene irni|kell irni|kellene valaszolni|valaszolhatok)|hogyan (valaszoljak|valaszoljunk|reagaljak|kezeljem|kezeljuk|mondjam|irjam|nyugtassam|kerjek|tegyem|kommunikaljak|bantsak|jarjak el|viselkedjek|magyarazzam|utasitsam)|hogy (valaszoljak|reagaljak|kezeljem|mondjam|irjam|nyugtassam|kerjek|jarjak el|magyarazzam)|mit lehet ilyenkor|mit kell ilyenkor|hogyan kell|hogy kell (valaszolni|reagalni|kezelni|mondani)|hogyan [a-z]+(jam|jem|jak|jek)|hogy [a-z]+(jam|jem|jak|jek) (az|egy|ha|neki)|adj (par |nehany |egy )?(jo |jobb )?(pelda\\w*|tanacs\\w*|tipp\\w*|otlet\\w*|mondat\\w*)|milyen (mondattal|szavakkal|modon|formaban|szoveggel)|hogyan fogalmazz\\w*|tanacs\\w*|tipp\\w*|peldavalasz\\w*',
    customerWord: 'ugyfel\\w*|ugyfelet|ugyfelnek|vevo\\w*|vasarlo\\w*|hivo\\w*|telefonalo\\w*|felhasznalo\\w*|valaki|a nenike|a bacsi',
    addressesCustomer: '(szia|szervusz|kedves|hello) (?!bot|warmline)[a-z]{3,},|miben segithetek|kuldene|elkuldene|megkuldene|lenne szives|lenne kedves|on|onnek|ont|onok|onoknek|onert|onokert|onnel|ontol|maga|kerem|kerjuk|szives\\w*|legyen szives|tudna|tudnad|megadna|elkuldene|kuldje|kuldjon|kuldd|irja|irjon|hivjon|sajnal\\w*|elnezes\\w*|bocsanat|koszonjuk (a|hogy|megkereses\\w*|turelm\\w*)|koszonom (a megkereses|a turelm|hogy)|mi |nalunk|csapatunk|udvozlettel|tisztelettel|kedves [a-z]+|megnezem|megnezzuk|utananezek|utananezunk|intezem|intezzuk',
    permission: "[a-z]+(hatom|hetem|hatunk|hetunk)|szabad|lehet|illik|kell-e|szabad-e|lehet-e|mondhatom|mondhatjuk|irhatom|irhatjuk|megengedett|elfogadhato|rendben van-e|oke-e|ok-e",
    practiceWord: "jatszunk el|gyakorl\\w*|begyakorol\\w*|gyakorol\\w*|szimulaci\\w*|szerepjatek\\w*|jatsszuk el|jatszd el|jatsszunk|trening\\w*|edzes\\w*|legyel (te )?az ugyfel|probahivas\\w*|proba hivas\\w*|te vagy az ugyfel",
    secondPerson: 'on|onnek|ont|onok|maga|te|neked|tudna|tudnad|megadna|kuldene',
    quoteCheck: "mennyire (rossz|gaz|ok)|igy (jo|ok|rendben)|elkuldhetem|kuldheto|mit szolsz|mi a velemenyed|nezd at|ellenorizd|ezt kuldte|ezt irta|ezt valaszolta",
    story: "^(az )?ugyfel (azt )?(mondja|mondta|allitja|allitotta|szerint|keri|kerte|akarja|kerdezi|kerdezte|panaszkodik|fenyeget|fenyegetozik|ragaszkodik|koveteli|erosködik|eroskodik)|(volt|van) (ma )?egy ([a-z]+ )?(ugyfelem|ugyfel|hivom|bacsi|neni|ur|holgy|ember)|ugyfel (aki|akinek|mar (harmadszor|negyedszer|tobbszor))",
    questionWord: "mit|mi|mik|hogyan|hogy|miert|mikor|melyik|van|lehet|szabad|kell",
    offTopic: "(kuldd|kuld|tovabbitsd) (el )?(ezt|azt)? ?(az )?(ugyfelnek|ugyfelnek)|forditsd|milyen ido lesz|idojaras|rendeles allapota|rendelj (nekem)?",
    draftLabel: 'piszkozat|valasz|valaszom|uzenet|draft',
    customerLabel: 'ugyfel|ugyfel uzenete',
    guidanceCommand: 'iranyelv|iranyelvek|guidance',
    reviewCommand: 'ellenoriz|ellenorizd|ellenorzes|nezd at|ertekeld|review',
    helpAsk: '(hogyan|hogy) mukodsz|mit tudsz (te )?csinalni|mire vagy kepes|hol (kezdjem|kezdjek)|mit kell ide (irni|beirni|irnom)|mit irjak ide|(hogy|hogyan) hasznaljalak|mire (jo|valo|hasznalhato|hasznalom|hasznaljam|szolgal)( ez| te)?( a bot)?|(hogy|hogyan) kell (ezt |ezzel |a botot |teged )?(hasznalni)|uj vagyok,? (mire|mit|hogy|hogyan)',
    botSelf: 'szereted (a )?(munkad|melod|munkadat|melodat)|(faradt|unott) vagy|unatkozol|ki (csinalt|keszitett|irt|programozott|fejlesztett) teged',
    thanksCustomer: 'koszonj?\\w* (a |az )?(megkereses\\w*|turelm\\w*|uzenet\\w*|level\\w*|jelzes\\w*|bejelentes\\w*|erdeklodes\\w*|kerdes\\w*|rendeles\\w*)',
    servesYou: 'onert|onokert|erted|ertetek',
  },
};
