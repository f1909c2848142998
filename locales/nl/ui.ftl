# Teksten van het standaardthema van leidraad (Nederlands).
# Een site kan elk bericht overschrijven met een eigen locales/nl/ui.ftl.
# Elk bericht hier staat ook in locales/en/ui.ftl, met dezelfde naam
# (behalve `registers` en `register-default`, zie Aanspreekvorm).

## Aanspreekvorm

# De aanspreekvormen die deze taal kent, gescheiden door komma's. Een site
# kiest er een per doelgroep (`register: { nl: u }` in site.yaml). Elk bericht
# dat de lezer aanspreekt, kiest zijn woorden met een selector:
#   { $register ->
#       [u] Wat weet u?
#      *[je] Wat weet je?
#   }
# Geen tekst op de site: deze twee berichten hoeft een andere taal niet te hebben.
registers = je, u
# De aanspreekvorm van pagina's waarvoor de site er geen kiest.
register-default = je

## Taal

# De naam van deze taal, in deze taal zelf.
language-name = Nederlands
language-choice-title = Kies een taal
language-switch-label = Taal

## Paginatitels (ook gebruikt door de renderer)

home-title-fallback = Welkom
protocol-title = Het hele protocol
glossary-title = Begrippenlijst
quizzes-title = Quizzen
scenarios-title = Casussen
not-found-title = Pagina niet gevonden
# Kop boven de artikelen zonder context: die gelden overal.
context-everywhere = Altijd en overal

## Navigatie

skip-link = Naar de inhoud
nav-main-label = Hoofdmenu
# Knop die het hoofdmenu openklapt op een smal scherm.
nav-menu = Menu
nav-home = Home
nav-protocol = Het hele protocol
nav-quizzes = Quizzen
nav-scenarios = Casussen
nav-glossary = Begrippenlijst
breadcrumb-label = Kruimelpad
footer-nav-label = Het protocol
pager-label = Vorig en volgend artikel
previous = Vorige
next = Volgende

## Concept (site.yaml: status: concept)

# Op elke pagina, onder de kop.
concept-notice-title = Concept
concept-notice = Dit protocol is een concept: het is nog niet vastgesteld en kan nog veranderen.

## Nog niet vertaald

not-translated =
    { $register ->
        [u] Deze tekst is nog niet vertaald. U leest de oorspronkelijke versie.
       *[je] Deze tekst is nog niet vertaald. Je leest de oorspronkelijke versie.
    }
# Gevolgd door een link met de naam van de oorspronkelijke taal.
not-translated-link = Deze pagina in de oorspronkelijke taal:
# Bij één artikel op een pagina met meer artikelen; gevolgd door een link met de naam van de taal.
not-translated-article = Dit artikel is nog niet vertaald. Oorspronkelijke versie:

## Startpagina

who-are-you =
    { $register ->
        [u] Wie bent u?
       *[je] Wie ben je?
    }
who-are-you-intro =
    { $register ->
        [u] Kies wat bij u past. U ziet dan alleen de regels die voor u gelden.
       *[je] Kies wat bij jou past. Je ziet dan alleen de regels die voor jou gelden.
    }
# Onder een doelgroep op de startpagina, als site.yaml en de introductie geen regel geven.
audience-card-fallback = De afspraken die voor deze groep gelden.
home-about-title = Over dit protocol
home-more-title = Alles op een rij
protocol-link = Lees het hele protocol
glossary-link = Begrippenlijst
glossary-link-note = Wat betekenen de woorden in het protocol?

## Protocol en artikelen

protocol-lead =
    { $register ->
        [u] Alle afspraken op één pagina, in de volgorde van het protocol. Deze pagina kunt u ook afdrukken.
       *[je] Alle afspraken op één pagina, in de volgorde van het protocol. Deze pagina kun je ook afdrukken.
    }
toc-title = Inhoud
toc-show = Toon de inhoud
# Gevolgd door de doelgroepen, bijvoorbeeld: Geldt voor: Leerlingen, Ouders
applies-to = Geldt voor
# Gevolgd door de situaties, bijvoorbeeld: Waar: School, Thuis
contexts-label = Waar
all-audiences = Iedereen
everywhere = Overal
rule-count =
    { $count ->
        [one] { $count } regel
       *[other] { $count } regels
    }
article-count =
    { $count ->
        [one] { $count } artikel
       *[other] { $count } artikelen
    }
# Een doelgroeppagina: eerst de artikelen met genummerde regels, daarna
# de artikelen zonder regels (inleiding, begrippen en dergelijke).
audience-general-title = Algemene tekst
audience-general-summary =
    { $count ->
        [one] { $count } artikel zonder genummerde regels, in de volgorde van het protocol
       *[other] { $count } artikelen zonder genummerde regels, in de volgorde van het protocol
    }

## Begrippenlijst

glossary-intro = Uitleg bij woorden die in het protocol voorkomen. Bij elk woord staat of de uitleg uit het protocol zelf komt of een toelichting is. In de tekst zijn de woorden onderstreept met een stippellijn en leiden ze naar deze lijst.
# Boven de uitleg van een woord in de begrippenlijst: de tekst komt uit het protocol, of is uitleg van de redactie.
glossary-source-protocol = Uit het protocol
glossary-source-explanation = Toelichting, geen protocoltekst
# Gevolgd door andere woorden voor hetzelfde begrip.
glossary-aliases = ook:

## Pagina niet gevonden

not-found-text =
    { $register ->
        [u] De pagina die u zoekt bestaat niet (meer), of het adres is niet helemaal goed.
       *[je] De pagina die je zoekt bestaat niet (meer), of het adres is niet helemaal goed.
    }
back-home = Naar de startpagina

## Voettekst

# Hoe de zin de organisatie noemt; site.yaml kan het vervangen (organisation_kind).
organisation-kind = de school
# { $organisation }: organisation-kind, of wat site.yaml geeft.
footer-text = Vragen over dit protocol? Neem contact op met { $organisation }.

## Quizzen en casussen: de overzichten

quizzes-lead =
    { $register ->
        [u] Wat weet u van de afspraken? Maak een quiz op uw telefoon, of doe hem samen in de klas.
       *[je] Wat weet je van de afspraken? Maak een quiz op je telefoon, of doe hem samen in de klas.
    }
scenarios-lead = Korte verhalen met keuzes, om in de klas of in een team te bespreken. Elke keuze heeft gevolgen.
question-count =
    { $count ->
        [one] { $count } vraag
       *[other] { $count } vragen
    }
quiz-count =
    { $count ->
        [one] { $count } quiz
       *[other] { $count } quizzen
    }
scenario-count =
    { $count ->
        [one] { $count } casus
       *[other] { $count } casussen
    }
# Het percentage goede antwoorden dat nodig is om de quiz te halen.
pass-mark = Voldoende vanaf { $pass }%
# Boven de knoppen waarmee je de lijst filtert op doelgroep.
filter-label = Laat zien voor
filter-all = Alles
# Zonder JavaScript: gevolgd door links naar de pagina's per doelgroep.
filter-links-intro =
    { $register ->
        [u] Alleen wat bij u past? Kies uw groep:
       *[je] Alleen wat bij jou past? Kies je groep:
    }
# Achter een titel die nog niet vertaald is.
not-translated-short = nog niet vertaald
scenarios-print-note =
    { $register ->
        [u] Drukt u deze pagina af, dan krijgt u elke casus als een stapel kaartjes, vier op een A4 om uit te knippen. Bij elke keuze staat naar welke kaart die leidt; de afloop staat op een eigen pagina.
       *[je] Druk je deze pagina af, dan krijg je elke casus als een stapel kaartjes, vier op een A4 om uit te knippen. Bij elke keuze staat naar welke kaart die leidt; de afloop staat op een eigen pagina.
    }
scenarios-print = Druk de kaartjes af
deck-outcomes = Zo kan het aflopen
deck-card = Kaart { $number }
deck-to = kaart { $number }
deck-end-card = Afloop { $number }
deck-to-end = afloop { $number }
deck-from = Na
deck-choice-ref = kaart { $number }, keuze { $letter }
deck-how =
    { $register ->
        [u] Lees kaart 1 voor en bespreek de keuzes. Bij elke keuze staat met welke kaart u verder gaat. Leidt een keuze naar een afloop, draai dan de kaart met dat nummer om: de aflopen staan op een eigen pagina.
       *[je] Lees kaart 1 voor en bespreek de keuzes. Bij elke keuze staat met welke kaart je verder gaat. Leidt een keuze naar een afloop, draai dan de kaart met dat nummer om: de aflopen staan op een eigen pagina.
    }
deck-turn = Pas omdraaien na de bespreking.

## Quiz

quiz-question = Vraag { $number }
quiz-hint-single = Kies één antwoord.
quiz-hint-multiple = Kies alle goede antwoorden.
quiz-hint-truefalse = Waar of niet waar? Kies één antwoord.
quiz-hint-order = Zet in de goede volgorde: wat komt eerst?
# Label van de keuzelijst bij een onderdeel van een volgordevraag.
quiz-order-place = Plaats van ‘{ $item }’
quiz-order-place-short = Plaats
quiz-order-choose = Kies
quiz-move-up = omhoog
quiz-move-down = omlaag
quiz-move-up-label = ‘{ $item }’ een plaats omhoog
quiz-move-down-label = ‘{ $item }’ een plaats omlaag
# Wordt voorgelezen na het verplaatsen.
quiz-moved = ‘{ $item }’ staat nu op plaats { $place }.
quiz-check = Controleer
quiz-reveal = Bekijk het antwoord
quiz-answer = Het goede antwoord
quiz-answer-multiple = De goede antwoorden
quiz-answer-order = De goede volgorde
quiz-option-right = Goed antwoord
quiz-option-wrong = Fout antwoord
quiz-correct = Goed
quiz-incorrect = Fout
quiz-explanation = Waarom?
refs-label = Zie in het protocol
# Een verwijzing naar één regel, bijvoorbeeld: Regel 9 — 8-10 Op school en op het werk
ref-rule = Regel { $rule } — { $article }
ref-rule-short = Regel { $rule }
quiz-status-right = Goed beantwoord!
quiz-status-wrong = Niet helemaal goed. Lees het antwoord en de uitleg hieronder.
quiz-status-empty = Kies eerst een antwoord.
quiz-status-unanswered = Niet beantwoord.
quiz-result-title =
    { $register ->
        [u] Uw resultaat
       *[je] Je resultaat
    }
quiz-score-button = Bekijk mijn score
quiz-score = { $right } van { $total } goed ({ $percent }%)
quiz-passed =
    { $register ->
        [u] Gehaald! U kent de afspraken goed.
       *[je] Gehaald! Je kent de afspraken goed.
    }
quiz-failed = Nog niet gehaald. Lees de uitleg bij de vragen en probeer het opnieuw.
quiz-retry = Opnieuw
quiz-clear = Wis mijn antwoorden
quiz-cleared =
    { $register ->
        [u] Uw antwoorden zijn gewist.
       *[je] Je antwoorden zijn gewist.
    }
quiz-storage-note =
    { $register ->
        [u] Uw antwoorden blijven alleen op dit apparaat bewaard en worden nergens naartoe gestuurd.
       *[je] Je antwoorden blijven alleen op dit apparaat bewaard en worden nergens naartoe gestuurd.
    }
# Met JavaScript: één vraag tegelijk. Bijvoorbeeld: 3 van 10
quiz-progress = { $number } van { $total }
quiz-steps-label = Vorige of volgende vraag
quiz-missed-title = Nog niet goed beantwoord
quiz-all-right = Alle vragen goed beantwoord.
quiz-goto = Terug naar vraag { $number }

## Quiz: klassikaal en voor docenten

classroom-start = Klassikaal
classroom-stop = Stop klassikaal
classroom-reveal = Toon antwoord
classroom-reveal-options = Toon uitleg per antwoord
classroom-hide = Verberg antwoord
classroom-progress = Vraag { $number } van { $total }
classroom-controls = Bediening klassikaal
classroom-keys = Toetsen: ← → vorige en volgende, spatie antwoord en uitleg, F volledig scherm.
classroom-fullscreen = Volledig scherm
classroom-end-progress = Bespreken
classroom-end-title = Bespreek de vragen
classroom-end-intro = Welke vraag was lastig, en waarom? De vragen gingen over deze regels:
classroom-end-cited =
    { $count ->
        [one] vraag { $numbers }
       *[other] vragen { $numbers }
    }
teachers-title = Voor docenten
teachers-quiz-intro = Doe deze quiz klassikaal op het digibord, of laat leerlingen hem op hun telefoon maken: ze scannen de QR-code of typen het adres.
quiz-address = Adres van deze quiz
quiz-qr-caption =
    { $register ->
        [u] Scan de code met de camera van uw telefoon.
       *[je] Scan de code met de camera van je telefoon.
    }
# Link naar het QTI-pakket van de quiz (voor een leeromgeving).
quiz-qti-link =
    { $register ->
        [u] Gebruik deze quiz in uw leeromgeving (QTI)
       *[je] Gebruik deze quiz in je leeromgeving (QTI)
    }
# Onder de link naar het QTI-pakket.
quiz-qti-note =
    { $register ->
        [u] Een zip-bestand (QTI 3.0) om te importeren in de leeromgeving van uw school, zodat u de quiz kunt klaarzetten en de scores worden bijgehouden.
       *[je] Een zip-bestand (QTI 3.0) om te importeren in de leeromgeving van je school, zodat je de quiz kunt klaarzetten en de scores worden bijgehouden.
    }
quiz-print = Print werkblad
quiz-print-note =
    { $register ->
        [u] Drukt u deze pagina af, dan krijgt u een werkblad zonder antwoorden. De antwoorden staan op een aparte laatste pagina.
       *[je] Druk je deze pagina af, dan krijg je een werkblad zonder antwoorden. De antwoorden staan op een aparte laatste pagina.
    }
answer-key-title = Antwoorden
answer-key-question = Vraag
answer-key-answer = Antwoord
answer-key-explanations = Uitleg per vraag
worksheet-name = Naam
worksheet-class = Klas

## Casussen

scenario-situation = De situatie
scenario-next = Wat gebeurt er?
scenario-end = Zo loopt het af
scenario-trail =
    { $register ->
        [u] Uw keuzes
       *[je] Jouw keuzes
    }
scenario-trail-hint = Kies een eerdere keuze om daar terug te gaan en anders te kiezen.
scenario-choices = Keuzes
outcome-good = Goede afloop
outcome-bad = Slechte afloop
outcome-neutral = Neutrale afloop
scenario-restart = Begin opnieuw

## Startpagina en doelgroepen: quizzen en casussen

teachers-home-intro =
    { $register ->
        [u] Bespreek de afspraken in de klas of in uw team: met quizzen om te oefenen en casussen om over te praten.
       *[je] Bespreek de afspraken in de klas of in je team: met quizzen om te oefenen en casussen om over te praten.
    }
quizzes-link = Quizzen om te oefenen
quizzes-link-note = Op het digibord, op de telefoon of als werkblad.
scenarios-link = Casussen om te bespreken
scenarios-link-note = Korte verhalen met keuzes, ook als kaartjes af te drukken.
learning-title = Oefenen en bespreken

# Label of the QR code on a quiz page, read by screen readers.
quiz-qr-label = QR-code die naar deze quiz leidt

## Paginatitels van zoeken, wijzigingen en verklaring (ook gebruikt door de renderer)

search-title = Zoeken
acknowledgement-title = Verklaring: protocol gelezen

## Zoeken

# Het zoekvak bovenaan elke pagina. Het label is alleen voor schermlezers.
search-input-label = Zoek in het protocol
search-submit = Zoek
term-help = Betekenis van
rule-link-help = Link naar deze regel: open of kopieer hem om de regel te delen.
search-placeholder = bijv. foto's delen
search-lead = Zoek in de artikelen, de begrippen, de quizzen en de casussen.
# Boven de keuzelijst waarmee je de resultaten beperkt tot één doelgroep.
search-filter-label = Voor wie
search-filter-all = Alle doelgroepen
# Zonder JavaScript; gevolgd door een link naar het hele protocol.
search-no-js =
    { $register ->
        [u] Zoeken werkt alleen met JavaScript, en dat staat in uw browser uit. U kunt wel het hele protocol op één pagina lezen en daarin zoeken met Ctrl+F (op een Mac: Cmd+F).
       *[je] Zoeken werkt alleen met JavaScript, en dat staat in je browser uit. Je kunt wel het hele protocol op één pagina lezen en daarin zoeken met Ctrl+F (op een Mac: Cmd+F).
    }
search-no-js-link = Lees het hele protocol
search-loading = Even zoeken…
search-error = Zoeken lukt nu niet. Probeer het later opnieuw, of zoek in het hele protocol met Ctrl+F (op een Mac: Cmd+F).
# Wordt voorgelezen na elke zoekopdracht. { $query } is wat je zocht.
# Het thema vult $count in met 0, 1 of een tekst: houd de varianten [0], [one] en *[other].
search-result-count =
    { $count ->
        [0] Geen resultaten voor ‘{ $query }’.
        [one] { $count } resultaat voor ‘{ $query }’.
       *[other] { $count } resultaten voor ‘{ $query }’.
    }
# Achter het aantal resultaten, als er meer zijn dan de pagina laat zien.
search-showing-first = Hieronder de eerste { $shown }.
# Het soort resultaat, vóór de doelgroepen onder een zoekresultaat.
search-kind-article = Artikel
search-kind-rule = Regel
search-kind-quiz = Quiz
search-kind-scenario = Casus
search-kind-term = Begrip
# Woorden die in een zoekvraag niets zeggen over het onderwerp: vraagwoorden,
# lidwoorden, voornaamwoorden, hulpwerkwoorden en voorzetsels. Het zoeken laat
# ze weg ("mag ik foto's van mijn kind delen" zoekt foto's, kind en delen).
# Gescheiden door spaties, in kleine letters; niet zichtbaar op de site.
search-stop-words = de het een en of maar als dan dat die dit deze wat wie waar wanneer waarom hoe welke welk ik je jij u we wij ze zij hij me mij mijn jouw uw ons onze zijn haar hun is ben bent was waren wordt worden word kan kun kunt kunnen moet moeten mag mogen wil wilt willen zou zouden heb hebt heeft hebben had doe doet doen er in op aan van voor met bij naar om over uit tot door te ook niet geen wel nog al iets zo dus toch even eigenlijk hier daar

## Versie van het protocol

# Onder de titel van het protocol en in de voettekst. $parts zegt welke gegevens er zijn:
# v = versie, d = datum waarop het protocol is vastgesteld, b = door wie.
# Alle drie de variabelen worden altijd meegegeven (leeg als ze er niet zijn).
protocol-version =
    { $parts ->
        [vdb] Versie { $version }, vastgesteld op { $date } door { $by }
        [vd] Versie { $version }, vastgesteld op { $date }
        [vb] Versie { $version }, vastgesteld door { $by }
        [db] Vastgesteld op { $date } door { $by }
        [d] Vastgesteld op { $date }
        [b] Vastgesteld door { $by }
       *[v] Versie { $version }
    }
changelog-link = Wijzigingen in dit protocol

## Vertaling verouderd

# De vertaling is gemaakt van een oudere versie van de oorspronkelijke tekst.
outdated-notice = Deze vertaling kan verouderd zijn.
# Gevolgd door een link met de naam van de oorspronkelijke taal.
outdated-link = De actuele oorspronkelijke tekst:
# Bij één artikel op een pagina met meer artikelen; gevolgd door een link met de naam van de taal.
outdated-article = Deze vertaling kan verouderd zijn. Actuele oorspronkelijke tekst:

## Leesroute (doelgroep met onboarding)

onboarding-lead =
    { $register ->
        [u] Dit is uw leesroute: lees de artikelen in deze volgorde. Aan het eind maakt u de quiz en vult u de verklaring in.
       *[je] Dit is je leesroute: lees de artikelen in deze volgorde. Aan het eind maak je de quiz en vul je de verklaring in.
    }
# Knop onder elk artikel; ingedrukt = gelezen.
onboarding-mark-read = Gelezen
# Wordt voorgelezen en getoond boven de artikelen.
onboarding-progress = { $read } van { $total } gelezen
onboarding-progress-done =
    { $register ->
        [u] U hebt alles gelezen. Rond af onderaan de pagina.
       *[je] Je hebt alles gelezen. Rond af onderaan de pagina.
    }
onboarding-reset = Wis mijn voortgang
onboarding-reset-done =
    { $register ->
        [u] Uw voortgang is gewist.
       *[je] Je voortgang is gewist.
    }
onboarding-storage-note =
    { $register ->
        [u] Wat u gelezen hebt, blijft alleen op dit apparaat bewaard en wordt nergens naartoe gestuurd.
       *[je] Wat je gelezen hebt, blijft alleen op dit apparaat bewaard en wordt nergens naartoe gestuurd.
    }
# Achter een artikel in de inhoudsopgave dat je al gelezen hebt (alleen voor schermlezers).
onboarding-toc-read = gelezen
onboarding-finish-title = Afronden
onboarding-finish-intro =
    { $register ->
        [u] Hebt u alles gelezen? Rond uw leesroute zo af:
       *[je] Heb je alles gelezen? Rond je leesroute zo af:
    }
onboarding-quiz-note =
    { $register ->
        [u] Test wat u weet.
       *[je] Test wat je weet.
    }
onboarding-acknowledgement-link = Verklaring: ik heb het protocol gelezen
onboarding-acknowledgement-note = Druk de verklaring af, onderteken hem en lever hem in.

## Verklaring

acknowledgement-statement = Ik heb het social media protocol gelezen en begrepen
acknowledgement-intro = Druk deze verklaring af, vul hem in en lever hem ondertekend in.
acknowledgement-organisation = Organisatie
acknowledgement-protocol = Protocol
acknowledgement-audience = Doelgroep
acknowledgement-articles = Gelezen artikelen
acknowledgement-path = Artikelen van de leesroute
# Zonder JavaScript, of als de opslag van de browser niet te lezen is: de lijst heeft lege vakjes.
acknowledgement-unknown = Dit formulier kan niet zien welke artikelen gelezen zijn. Zet op papier een kruisje bij elk artikel dat gelezen is.
acknowledgement-known = Gelezen of niet volgens de leesroute op dit apparaat.
acknowledgement-unread-heading = Nog niet gelezen
acknowledgement-quiz = Quiz
# Naast de lege regel voor de score, als de quiz op dit apparaat niet gemaakt is (niet op papier).
acknowledgement-quiz-none = niet gemaakt op dit apparaat
acknowledgement-quiz-passed = gehaald
acknowledgement-quiz-failed = niet gehaald
# Op het scherm en op papier, als niet alle artikelen als gelezen zijn aangevinkt.
acknowledgement-incomplete =
    { $unread ->
        [one] Niet compleet: { $unread } van de { $total } artikelen is nog niet als gelezen aangevinkt.
       *[other] Niet compleet: { $unread } van de { $total } artikelen zijn nog niet als gelezen aangevinkt.
    }
acknowledgement-back = Terug naar de leesroute
acknowledgement-name = Naam
acknowledgement-date = Datum
acknowledgement-signature = Handtekening
acknowledgement-print = Druk de verklaring af

## Afdrukken

# Bovenaan een afgedrukte pagina voor een doelgroep: voor wie die is.
print-audience = Voor: { $audience }
# De knop op het hele protocol en op de pagina van een doelgroep die het afdrukvenster van de browser opent.
print-button = Afdrukken
# Onderaan elk afgedrukt blad van het protocol en van een doelgroeppagina, bijvoorbeeld: pagina 3 van 9
print-page-number = pagina { $page } van { $pages }
# Bovenaan elk afgedrukt blad van een doelgroeppagina: de titel van het protocol en de doelgroep.
print-running-audience = { $title } · { $audience }
