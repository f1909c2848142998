# Teksten van het standaardthema van leidraad (Nederlands).
# Een site kan elk bericht overschrijven met een eigen locales/nl/ui.ftl.
# Elk bericht hier staat ook in locales/en/ui.ftl, met dezelfde naam.

## Taal

# De naam van deze taal, in deze taal zelf.
language-name = Nederlands
language-choice-title = Kies een taal
language-switch-label = Taal

## Paginatitels (ook gebruikt door de renderer)

home-title-fallback = Welkom
protocol-title = Het hele protocol
glossary-title = Begrippenlijst
not-found-title = Pagina niet gevonden
# Kop boven de artikelen zonder context: die gelden overal.
context-everywhere = Altijd en overal

## Navigatie

skip-link = Naar de inhoud
nav-main-label = Hoofdmenu
nav-home = Home
nav-protocol = Het hele protocol
nav-glossary = Begrippenlijst
breadcrumb-label = Kruimelpad
footer-nav-label = Het protocol
pager-label = Vorig en volgend artikel
previous = Vorige
next = Volgende

## Nog niet vertaald

not-translated = Deze tekst is nog niet vertaald. Je leest de oorspronkelijke versie.
# Gevolgd door een link met de naam van de oorspronkelijke taal.
not-translated-link = Deze pagina in de oorspronkelijke taal:
# Bij één artikel op een pagina met meer artikelen; gevolgd door een link met de naam van de taal.
not-translated-article = Dit artikel is nog niet vertaald. Oorspronkelijke versie:

## Startpagina

who-are-you = Wie ben je?
who-are-you-intro = Kies wat bij jou past. Je ziet dan alleen de regels die voor jou gelden.
home-more-title = Alles op een rij
protocol-link = Lees het hele protocol
glossary-link = Begrippenlijst
glossary-link-note = Wat betekenen de woorden in het protocol?

## Protocol en artikelen

protocol-lead = Alle afspraken op één pagina, in de volgorde van het protocol. Deze pagina kun je ook afdrukken.
toc-title = Inhoud
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

## Begrippenlijst

glossary-intro = Deze woorden hebben in het protocol een vaste betekenis. In de tekst zijn ze onderstreept met een stippellijn en leiden ze naar deze lijst.
# Gevolgd door andere woorden voor hetzelfde begrip.
glossary-aliases = ook:

## Pagina niet gevonden

not-found-text = De pagina die je zoekt bestaat niet (meer), of het adres is niet helemaal goed.
back-home = Naar de startpagina

## Voettekst

footer-text = Vragen over dit protocol? Neem contact op met de school.
