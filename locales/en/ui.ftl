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
quizzes-title = Quizzes
scenarios-title = Scenario cards
not-found-title = Page not found
# Heading above the articles without a context: they apply everywhere.
context-everywhere = Always and everywhere

## Navigation

skip-link = Skip to content
nav-main-label = Main menu
# Button that unfolds the main menu on a narrow screen.
nav-menu = Menu
nav-home = Home
nav-protocol = The whole protocol
nav-quizzes = Quizzes
nav-scenarios = Scenario cards
nav-glossary = Glossary
breadcrumb-label = Breadcrumb
footer-nav-label = The protocol
pager-label = Previous and next article
previous = Previous
next = Next

## Draft (site.yaml: status: concept)

# On every page, under the header.
concept-notice-title = Draft
concept-notice = This protocol is a draft: it has not been adopted yet and may still change.

## Not yet translated

not-translated = This text has not been translated yet. You are reading the original version.
# Followed by a link showing the name of the original language.
not-translated-link = This page in its original language:
# On one article of a page with several articles; followed by a link showing the name of the language.
not-translated-article = This article has not been translated yet. Original version:

## Home page

who-are-you = Who are you?
who-are-you-intro = Choose what fits you. You will then see only the rules that apply to you.
# Under an audience on the home page, when neither site.yaml nor its intro gives a line.
audience-card-fallback = The rules that apply to this group.
home-about-title = About this protocol
home-more-title = Everything at a glance
protocol-link = Read the whole protocol
glossary-link = Glossary
glossary-link-note = What do the words in the protocol mean?

## Protocol and articles

protocol-lead = All agreements on one page, in the order of the protocol. You can also print this page.
toc-title = Contents
toc-show = Show the contents
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
# An audience page: first the articles with numbered rules, then the
# articles without rules (introduction, definitions and the like).
audience-general-title = General text
audience-general-summary =
    { $count ->
        [one] { $count } article without numbered rules, in the protocol's order
       *[other] { $count } articles without numbered rules, in the protocol's order
    }

## Glossary

glossary-intro = Explanations of words the protocol uses. Each word says whether its explanation comes from the protocol itself or is an explanation added to it. In the text the words are underlined with a dotted line and link to this list.
# Above the explanation of a word in the glossary: the text is the protocol's, or an explanation added by the editors.
glossary-source-protocol = From the protocol
glossary-source-explanation = Explanation, not protocol text
# Followed by other words for the same term.
glossary-aliases = also:

## Page not found

not-found-text = The page you are looking for does not exist (any more), or the address is not quite right.
back-home = Go to the home page

## Footer

# How the sentence names the organisation; site.yaml may replace it (organisation_kind).
organisation-kind = the school
# { $organisation }: organisation-kind, or what site.yaml gives.
footer-text = Questions about this protocol? Please contact { $organisation }.

## Quizzes and scenario cards: the overviews

quizzes-lead = How well do you know the agreements? Take a quiz on your phone, or do it together in class.
scenarios-lead = Short stories with choices, to discuss in class or in a team. Every choice has consequences.
question-count =
    { $count ->
        [one] { $count } question
       *[other] { $count } questions
    }
quiz-count =
    { $count ->
        [one] { $count } quiz
       *[other] { $count } quizzes
    }
scenario-count =
    { $count ->
        [one] { $count } scenario card
       *[other] { $count } scenario cards
    }
# The percentage of right answers needed to pass the quiz.
pass-mark = Pass mark { $pass }%
# Above the buttons that filter the list by audience.
filter-label = Show for
filter-all = All
# Without JavaScript: followed by links to the page of each audience.
filter-links-intro = Only what fits you? Choose your group:
# After a title that has not been translated yet.
not-translated-short = not yet translated
scenarios-print-note = Print this page to get each scenario as a set of cards, four to an A4 sheet, ready to cut out. Each choice says which card it leads to; the endings are on a page of their own.
scenarios-print = Print the cards
deck-outcomes = How it can end
deck-card = Card { $number }
deck-to = card { $number }
deck-end-card = Ending { $number }
deck-to-end = ending { $number }
deck-from = After
deck-choice-ref = card { $number }, choice { $letter }
deck-how = Read card 1 aloud and discuss the choices. Each choice says which card comes next. When a choice leads to an ending, turn over the ending with that number: the endings are on a page of their own.
deck-turn = Turn over only after the discussion.

## Quiz

quiz-question = Question { $number }
quiz-hint-single = Choose one answer.
quiz-hint-multiple = Choose all the right answers.
quiz-hint-truefalse = True or false? Choose one answer.
quiz-hint-order = Put these in the right order: what comes first?
# Label of the drop-down list beside an item of an order question.
quiz-order-place = Place of ‘{ $item }’
quiz-order-place-short = Place
quiz-order-choose = Choose
quiz-move-up = up
quiz-move-down = down
quiz-move-up-label = Move ‘{ $item }’ up one place
quiz-move-down-label = Move ‘{ $item }’ down one place
# Read out after moving an item.
quiz-moved = ‘{ $item }’ is now in place { $place }.
quiz-check = Check
quiz-reveal = Show the answer
quiz-answer = The right answer
quiz-answer-multiple = The right answers
quiz-answer-order = The right order
quiz-option-right = Right answer
quiz-option-wrong = Wrong answer
quiz-correct = Right
quiz-incorrect = Wrong
quiz-explanation = Why?
refs-label = See in the protocol
# A reference to one rule, for example: Rule 9 — 8-10 At school and at work
ref-rule = Rule { $rule } — { $article }
ref-rule-short = Rule { $rule }
quiz-status-right = That's right!
quiz-status-wrong = Not quite right. Read the answer and the explanation below.
quiz-status-empty = Choose an answer first.
quiz-status-unanswered = Not answered.
quiz-result-title = Your result
quiz-score-button = See my score
quiz-score = { $right } of { $total } right ({ $percent }%)
quiz-passed = Passed! You know the agreements well.
quiz-failed = Not passed yet. Read the explanations with the questions and try again.
quiz-retry = Try again
quiz-clear = Clear my answers
quiz-cleared = Your answers have been cleared.
quiz-storage-note = Your answers are kept only on this device and are never sent anywhere.
# With JavaScript: one question at a time. For example: 3 of 10
quiz-progress = { $number } of { $total }
quiz-steps-label = Previous or next question
quiz-missed-title = Not answered right yet
quiz-all-right = Every question answered right.
quiz-goto = Back to question { $number }

## Quiz: classroom mode and teachers

classroom-start = Classroom mode
classroom-stop = Leave classroom mode
classroom-reveal = Show answer
classroom-reveal-options = Show feedback per option
classroom-hide = Hide answer
classroom-progress = Question { $number } of { $total }
classroom-controls = Classroom controls
classroom-keys = Keys: ← → previous and next, space answer and feedback, F full screen.
classroom-fullscreen = Full screen
classroom-end-progress = Discussion
classroom-end-title = Discuss the questions
classroom-end-intro = Which question was hard, and why? The questions were about these rules:
classroom-end-cited =
    { $count ->
        [one] question { $numbers }
       *[other] questions { $numbers }
    }
teachers-title = For teachers
teachers-quiz-intro = Do this quiz together on the whiteboard, or let students take it on their phones: they scan the QR code or type the address.
quiz-address = Address of this quiz
quiz-qr-caption = Scan the code with your phone's camera.
# Link to the quiz's QTI package (for a learning platform).
quiz-qti-link = Use this quiz in your learning platform (QTI)
# Below the link to the QTI package.
quiz-qti-note = A zip file (QTI 3.0) to import into your school's learning platform, so that you can assign the quiz and the scores are kept.
quiz-print = Print worksheet
quiz-print-note = Printing this page gives a worksheet without the answers. The answer key is on a separate last page.
answer-key-title = Answer key
answer-key-question = Question
answer-key-answer = Answer
answer-key-explanations = Explanations
worksheet-name = Name
worksheet-class = Class

## Scenario cards

scenario-situation = The situation
scenario-next = What happens next?
scenario-end = How it ends
scenario-trail = Your choices
scenario-trail-hint = Pick an earlier choice to go back there and choose differently.
scenario-choices = Choices
outcome-good = Good outcome
outcome-bad = Bad outcome
outcome-neutral = Mixed outcome
scenario-restart = Start again

## Home page and audience views: quizzes and scenario cards

teachers-home-intro = Discuss the agreements in class or with your team: quizzes to practise and scenario cards to talk about.
quizzes-link = Quizzes to practise
quizzes-link-note = On the whiteboard, on a phone or as a worksheet.
scenarios-link = Scenario cards to discuss
scenarios-link-note = Short stories with choices, which you can also print as cards.
learning-title = Practise and discuss

# Label of the QR code on a quiz page, read by screen readers.
quiz-qr-label = QR code that leads to this quiz

## Page titles of search, changes and acknowledgement (also used by the renderer)

search-title = Search
acknowledgement-title = Acknowledgement: protocol read

## Search

# The search box at the top of every page. The label is for screen readers only.
search-input-label = Search the protocol
search-submit = Search
term-help = Meaning of
rule-link-help = Link to this rule: open or copy it to share the rule.
search-placeholder = e.g. sharing photos
search-lead = Search the articles, the glossary, the quizzes and the scenario cards.
# Above the list that narrows the results to one audience.
search-filter-label = For
search-filter-all = All audiences
# Without JavaScript; followed by a link to the whole protocol.
search-no-js = Search needs JavaScript, which is turned off in your browser. You can still read the whole protocol on one page and search it with Ctrl+F (on a Mac: Cmd+F).
search-no-js-link = Read the whole protocol
search-loading = Searching…
search-error = Search is not working right now. Try again later, or search the whole protocol with Ctrl+F (on a Mac: Cmd+F).
# Read out after every search. { $query } is what was searched for.
# The theme fills in $count with 0, 1 or a text: keep the variants [0], [one] and *[other].
search-result-count =
    { $count ->
        [0] No results for ‘{ $query }’.
        [one] { $count } result for ‘{ $query }’.
       *[other] { $count } results for ‘{ $query }’.
    }
# After the number of results, when there are more than the page shows.
search-showing-first = The first { $shown } are shown below.
# The kind of a result, before the audiences under a search result.
search-kind-article = Article
search-kind-rule = Rule
search-kind-quiz = Quiz
search-kind-scenario = Scenario card
search-kind-term = Glossary term
# Words of a search query that say nothing about its subject: question words,
# articles, pronouns, auxiliary verbs and prepositions. Search leaves them out
# ("can i share photos of my child" looks for share, photos and child).
# Separated by spaces, in lower case; not shown on the site.
search-stop-words = a an the and or but if then that this these those what who whom where when why how which i me my mine you your yours we us our he she him his her it its they them their is are am was were be been being do does did done have has had can could may might must should would will shall to of in on at for with by from about as into not no any some something anything ok okay so just there here

## Version of the protocol

# Under the title of the protocol and in the footer. $parts says which facts there are:
# v = version, d = date the protocol was adopted, b = by whom.
# All three variables are always given (empty when missing).
protocol-version =
    { $parts ->
        [vdb] Version { $version }, adopted on { $date } by { $by }
        [vd] Version { $version }, adopted on { $date }
        [vb] Version { $version }, adopted by { $by }
        [db] Adopted on { $date } by { $by }
        [d] Adopted on { $date }
        [b] Adopted by { $by }
       *[v] Version { $version }
    }
changelog-link = Changes to this protocol

## Translation out of date

# The translation was made from an older version of the original text.
outdated-notice = This translation may be out of date.
# Followed by a link showing the name of the original language.
outdated-link = The current original text:
# On one article of a page with several articles; followed by a link showing the name of the language.
outdated-article = This translation may be out of date. Current original text:

## Reading path (audience with onboarding)

onboarding-lead = This is your reading path: read the articles in this order. At the end you take the quiz and fill in the acknowledgement.
# Button under each article; pressed = read.
onboarding-mark-read = Mark as read
# Read out and shown above the articles.
onboarding-progress = { $read } of { $total } read
onboarding-progress-done = You have read everything. Finish at the bottom of the page.
onboarding-reset = Clear my progress
onboarding-reset-done = Your progress has been cleared.
onboarding-storage-note = What you have read is kept only on this device and is never sent anywhere.
# After an article in the table of contents that has been read (for screen readers only).
onboarding-toc-read = read
onboarding-finish-title = Finish
onboarding-finish-intro = Have you read everything? Finish your reading path like this:
onboarding-quiz-note = Test what you know.
onboarding-acknowledgement-link = Acknowledgement: I have read the protocol
onboarding-acknowledgement-note = Print the acknowledgement, sign it and hand it in.

## Acknowledgement

acknowledgement-statement = I have read and understood the social media protocol
acknowledgement-intro = Print this acknowledgement, fill it in and hand it in signed.
acknowledgement-organisation = Organisation
acknowledgement-protocol = Protocol
acknowledgement-audience = Audience
acknowledgement-articles = Articles read
acknowledgement-path = Articles of the reading path
# Without JavaScript, or when the browser's storage cannot be read: the list has empty boxes.
acknowledgement-unknown = This form cannot tell which articles have been read. On paper, tick each article that has been read.
acknowledgement-known = Read or not, as marked on the reading path on this device.
acknowledgement-unread-heading = Not read yet
acknowledgement-quiz = Quiz
# Beside the empty line for the score, when the quiz was not taken on this device (not on paper).
acknowledgement-quiz-none = not taken on this device
acknowledgement-quiz-passed = passed
acknowledgement-quiz-failed = not passed
# On screen and on paper, when not every article has been marked as read.
acknowledgement-incomplete =
    { $unread ->
        [one] Not complete: { $unread } of the { $total } articles has not been marked as read.
       *[other] Not complete: { $unread } of the { $total } articles have not been marked as read.
    }
acknowledgement-back = Back to the reading path
acknowledgement-name = Name
acknowledgement-date = Date
acknowledgement-signature = Signature
acknowledgement-print = Print the acknowledgement

## Printing

# At the top of a printed audience view: whom it is for.
print-audience = For: { $audience }
# The button on the whole protocol and on an audience view that opens the browser's print dialogue.
print-button = Print
# At the foot of every printed sheet of the protocol and of an audience view, for example: page 3 of 9
print-page-number = page { $page } of { $pages }
# At the top of every printed sheet of an audience view: the title of the protocol and the audience.
print-running-audience = { $title } · { $audience }
