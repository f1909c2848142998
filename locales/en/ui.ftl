# Texts of leidraad's default theme (English).
# A site can override any message with its own locales/en/ui.ftl.
# Every message here is also in locales/nl/ui.ftl, with the same id.

## Language

# The name of this language, in this language itself.
language-name = English
language-choice-title = Choose a language
language-switch-label = Language

## Page titles (also used by the renderer)

home-title-fallback = Welcome
protocol-title = The whole protocol
glossary-title = Glossary
not-found-title = Page not found
# Heading above the articles without a context: they apply everywhere.
context-everywhere = Always and everywhere

## Navigation

skip-link = Skip to content
nav-main-label = Main menu
nav-home = Home
nav-protocol = The whole protocol
nav-glossary = Glossary
breadcrumb-label = Breadcrumb
footer-nav-label = The protocol
pager-label = Previous and next article
previous = Previous
next = Next

## Not yet translated

not-translated = This text has not been translated yet. You are reading the original version.
# Followed by a link showing the name of the original language.
not-translated-link = This page in its original language:
# On one article of a page with several articles; followed by a link showing the name of the language.
not-translated-article = This article has not been translated yet. Original version:

## Home page

who-are-you = Who are you?
who-are-you-intro = Choose what fits you. You will then see only the rules that apply to you.
home-more-title = Everything at a glance
protocol-link = Read the whole protocol
glossary-link = Glossary
glossary-link-note = What do the words in the protocol mean?

## Protocol and articles

protocol-lead = All agreements on one page, in the order of the protocol. You can also print this page.
toc-title = Contents
# Followed by the audiences, for example: Applies to: Students, Parents
applies-to = Applies to
# Followed by the situations, for example: Where: School, Home
contexts-label = Where
all-audiences = Everyone
everywhere = Everywhere
rule-count =
    { $count ->
        [one] { $count } rule
       *[other] { $count } rules
    }
article-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }

## Glossary

glossary-intro = These words have a fixed meaning in the protocol. In the text they are underlined with a dotted line and link to this list.
# Followed by other words for the same term.
glossary-aliases = also:

## Page not found

not-found-text = The page you are looking for does not exist (any more), or the address is not quite right.
back-home = Go to the home page

## Footer

footer-text = Questions about this protocol? Please contact the school.
