//! The quiz of the `quiz` fixture, one question of each type: what a
//! student sees and can answer without JavaScript (inputs with labels, a
//! select per item of an order question), the feedback and answer behind
//! each question, links to the cited rules, the pass mark, the answer key
//! and what a teacher projects.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("quiz")
}

fn quiz() -> scraper::Html {
    page(&site(), "nl/quiz/oefenen")
}

#[test]
fn the_quiz_states_its_questions_and_pass_mark() {
    let html = quiz();
    assert_eq!(texts(&html, "main h1"), ["Oefenquiz"]);
    assert_eq!(texts(&html, "main .quiz-header .intro"), ["Een korte oefening."]);
    assert_eq!(texts(&html, "main .quiz-header .stats"), ["4 vragen · Voldoende vanaf 75%"]);
    assert_eq!(attrs(&html, "main [data-quiz]", "data-pass"), ["75"]);
    assert_eq!(
        texts(&html, "main fieldset legend"),
        [
            "Vraag 1 Je maakt een foto van je klas. Wat doe je?",
            "Vraag 2 Wat hoort niet in de klassenapp?",
            "Vraag 3 Doorsturen is niet erg.",
            "Vraag 4 Wat doe je bij een kwetsend bericht?"
        ]
    );
    assert_eq!(attrs(&html, "main [data-question]", "data-kind"), ["single", "multiple", "truefalse", "order"]);
    assert_eq!(
        texts(&html, "main .question-hint"),
        [
            "Kies één antwoord.",
            "Kies alle goede antwoorden.",
            "Waar of niet waar? Kies één antwoord.",
            "Zet in de goede volgorde: wat komt eerst?"
        ]
    );
    // The list of quizzes shows the same.
    let list = page(&site(), "nl/quiz");
    assert_eq!(attrs(&list, "main .card-quiz a", "href"), ["../../nl/quiz/oefenen/"]);
    assert_eq!(
        texts(&list, "main .card-quiz .card-meta"),
        ["4 vragen · Voldoende vanaf 75%", "Geldt voor: Leerlingen"]
    );
}

#[test]
fn every_option_is_an_input_with_its_label() {
    let html = quiz();
    let inputs = |question: &str| -> Vec<(String, String, String)> {
        select(&html, &format!("#{question} input"))
            .iter()
            .map(|input| {
                let id = input.value().attr("id").unwrap();
                let label = texts(&html, &format!("label[for=\"{id}\"]"));
                assert_eq!(label.len(), 1, "#{id} has one label");
                let kind = input.value().attr("type").unwrap().to_owned();
                (kind, label[0].clone(), input.value().attr("data-correct").unwrap().to_owned())
            })
            .collect()
    };
    let option = |kind: &str, label: &str, correct: bool| (kind.to_owned(), label.to_owned(), correct.to_string());
    // Each label starts with the option's letter, so a class can answer "B".
    assert_eq!(
        inputs("q1"),
        [option("radio", "A Meteen online zetten.", false), option("radio", "B Eerst vragen.", true)]
    );
    assert_eq!(
        inputs("q2"),
        [
            option("checkbox", "A Een meme over een klasgenoot.", true),
            option("checkbox", "B Een herinnering aan het huiswerk.", false),
            option("checkbox", "C Berichten van een nepaccount.", true)
        ]
    );
    assert_eq!(inputs("q3"), [option("radio", "A Waar", false), option("radio", "B Niet waar", true)]);
    assert_eq!(attrs(&html, "#q1 input", "name"), ["q1", "q1"], "one choice per single question");
}

#[test]
fn an_order_question_is_shuffled_and_answered_with_selects() {
    let html = quiz();
    let items = texts(&html, "#q4 .order-item .order-text");
    assert_eq!(items.len(), 3);
    assert_ne!(items, ["Niet doorsturen.", "Een schermafbeelding bewaren.", "Het aan je mentor vertellen."]);
    for item in select(&html, "#q4 .order-item") {
        let text = text_of(&item.select(&scraper::Selector::parse(".order-text").unwrap()).next().unwrap());
        let position = item.value().attr("data-position").unwrap();
        let expected = match text.as_str() {
            "Niet doorsturen." => "1",
            "Een schermafbeelding bewaren." => "2",
            "Het aan je mentor vertellen." => "3",
            other => panic!("unknown item {other}"),
        };
        assert_eq!(position, expected, "{text}");
        let select_id = item.value().attr("data-option-id").unwrap();
        assert_eq!(texts(&html, &format!("label[for=\"{select_id}\"]")), [format!("Plaats van ‘{text}’")]);
        assert_eq!(texts(&html, &format!("select#{select_id} option")), ["Kies", "1", "2", "3"]);
    }
    assert_eq!(texts(&html, "#q4 details .answer-label"), ["De goede volgorde", "Waarom?"]);
    assert_eq!(
        texts(&html, "#q4 details .answer-order li .answer-text"),
        ["Niet doorsturen.", "Een schermafbeelding bewaren.", "Het aan je mentor vertellen."]
    );
}

#[test]
fn each_question_has_its_answer_feedback_and_cited_rules_behind_a_disclosure() {
    let html = quiz();
    // An option's feedback sits at the option, with its verdict for a page
    // without JavaScript (quiz.css shows it when the answer is opened).
    assert_eq!(texts(&html, "#q1 .option-feedback"), ["Fout antwoord Vraag het eerst.", "Goed antwoord Precies."]);
    assert_eq!(attrs(&html, "#q1 [data-feedback]", "id"), ["q1-a1-feedback", "q1-a2-feedback"]);
    assert_eq!(texts(&html, "#q1 details summary"), ["Bekijk het antwoord"]);
    assert_eq!(texts(&html, "#q1 details .answer-list li"), ["B Eerst vragen."]);
    assert_eq!(texts(&html, "#q1 details .explanation p:not(.answer-label)"), ["Iedereen heeft recht op privacy."]);
    assert_eq!(texts(&html, "#q2 details .answer-label"), ["De goede antwoorden"]);
    assert_eq!(
        texts(&html, "#q2 details .answer-list li"),
        ["A Een meme over een klasgenoot.", "C Berichten van een nepaccount."]
    );
    assert_eq!(texts(&html, "#q3 details .answer-list li"), ["B Niet waar"]);

    // A rule's link reads "Regel 1 — Regels"; the projector shows its short
    // form "Regel 1" instead (quiz.css), an article's link only its title.
    let refs = |question: &str| -> Vec<(String, String)> {
        select(&html, &format!("#{question} details .refs a"))
            .iter()
            .map(|a| {
                let full = a.select(&scraper::Selector::parse(".ref-full").unwrap()).next();
                (a.value().attr("href").unwrap().to_owned(), full.map_or_else(|| text_of(a), |f| text_of(&f)))
            })
            .collect()
    };
    assert_eq!(texts(&html, "#q2 details .refs .ref-short"), ["Regel 2a", "Regel 2b"]);
    let pair = |href: &str, text: &str| (href.to_owned(), text.to_owned());
    assert_eq!(refs("q1"), [pair("../../../nl/protocol/regels/#r1", "Regel 1 — Regels")]);
    assert_eq!(
        refs("q2"),
        [
            pair("../../../nl/protocol/regels/#r2a", "Regel 2a — Regels"),
            pair("../../../nl/protocol/regels/#r2b", "Regel 2b — Regels")
        ]
    );
    assert_eq!(refs("q3"), [pair("../../../nl/protocol/regels/", "Regels")]);
    assert!(refs("q4").is_empty());
    // The anchors cited exist on the article's page.
    let article = page(&site(), "nl/protocol/regels");
    for id in ["r1", "r2a", "r2b"] {
        assert_eq!(select(&article, &format!("li#{id}")).len(), 1, "#{id}");
    }
}

/// The letters of the order question's items on the page, in the right order.
fn order_key(html: &scraper::Html) -> String {
    let mut items: Vec<(String, String)> = select(html, "#q4 .order-item")
        .iter()
        .map(|item| {
            let letter = item.select(&scraper::Selector::parse(".option-letter").unwrap()).next().unwrap();
            (item.value().attr("data-position").unwrap().to_owned(), text_of(&letter))
        })
        .collect();
    items.sort();
    items.into_iter().map(|(_, letter)| letter).collect::<Vec<_>>().join(" → ")
}

#[test]
fn options_are_lettered_by_their_place_on_the_page() {
    let html = quiz();
    for q in ["q1", "q2", "q3", "q4"] {
        let letters = texts(&html, &format!("#{q} [data-option] .option-letter"));
        let expected: Vec<String> = ["A", "B", "C", "D"][..letters.len()].iter().map(|l| l.to_string()).collect();
        assert_eq!(letters, expected, "{q}");
    }
    assert_eq!(texts(&html, "#q4 .order-item").len(), 3);
    // The answer behind each question names the same letters.
    assert_eq!(texts(&html, "#q2 details .answer-list .option-letter"), ["A", "C"]);
    let order: Vec<String> = texts(&html, "#q4 details .answer-order .option-letter");
    assert_eq!(order.join(" → "), order_key(&html), "the right order, as the letters of the shuffled items");
}

#[test]
fn the_answer_key_is_a_grid_of_letters_then_the_explanations() {
    let html = quiz();
    assert_eq!(texts(&html, "main #answer-key-title"), ["Antwoorden: Oefenquiz"]);
    assert_eq!(texts(&html, "main .answer-key-grid thead th"), ["Vraag", "Antwoord"]);
    let rows: Vec<(String, String)> = select(&html, "main .answer-key-grid tbody tr")
        .iter()
        .map(|tr| {
            let cell = |s: &str| text_of(&tr.select(&scraper::Selector::parse(s).unwrap()).next().unwrap());
            (cell("th[scope=row]"), cell("td"))
        })
        .collect();
    let row = |n: &str, key: &str| (n.to_owned(), key.to_owned());
    let order = order_key(&html);
    assert_ne!(order, "A → B → C", "the fixture's order question is shuffled, so its key is not trivial");
    assert_eq!(rows, [row("1", "B"), row("2", "A, C"), row("3", "B"), row("4", &order)]);
    assert_eq!(texts(&html, "main .answer-key .answer-key-explanations"), ["Uitleg per vraag"]);
    assert_eq!(
        texts(&html, "main .answer-key-list > li"),
        [
            "Je maakt een foto van je klas. Wat doe je? B Eerst vragen. Iedereen heeft recht op privacy.",
            "Wat hoort niet in de klassenapp? A Een meme over een klasgenoot. C Berichten van een nepaccount.",
            "Doorsturen is niet erg. B Niet waar",
            &format!(
                "Wat doe je bij een kwetsend bericht? {} Eerst niet meedoen, dan bewijs, dan hulp.",
                texts(&html, "main .answer-key-list > li:nth-child(4) .answer-key-answers li").join(" ")
            ),
        ]
    );
    assert_eq!(
        texts(&html, "main .answer-key-list > li:nth-child(4) .answer-key-answers li .option-letter").join(" → "),
        order
    );
}

#[test]
fn the_classroom_end_slide_lists_each_cited_rule_once_with_its_questions() {
    let html = quiz();
    assert_eq!(attrs(&html, "main [data-classroom-end]", "hidden"), [""], "hidden until the last question is passed");
    assert_eq!(texts(&html, "main [data-classroom-end] h2"), ["Bespreek de vragen"]);
    let rules: Vec<(String, String)> = select(&html, "main [data-classroom-end] li")
        .iter()
        .map(|li| {
            let a = li.select(&scraper::Selector::parse("a").unwrap()).next().unwrap();
            (a.value().attr("href").unwrap().to_owned(), text_of(li))
        })
        .collect();
    let rule = |href: &str, text: &str| (href.to_owned(), text.to_owned());
    assert_eq!(
        rules,
        [
            rule("../../../nl/protocol/regels/#r1", "Regel 1 — Regels vraag 1"),
            rule("../../../nl/protocol/regels/#r2a", "Regel 2a — Regels vraag 2"),
            rule("../../../nl/protocol/regels/#r2b", "Regel 2b — Regels vraag 2"),
            rule("../../../nl/protocol/regels/", "Regels vraag 3")
        ]
    );
    // The bar has a full-screen button, shown by the script where the browser allows it.
    assert_eq!(texts(&html, "main [data-classroom-bar] [data-classroom-fullscreen][hidden]"), ["Volledig scherm"]);
}

#[test]
fn teachers_get_the_address_and_a_qr_code_that_opens_it() {
    let html = quiz();
    let address = "https://oefening.example/protocol/nl/quiz/oefenen/";
    assert_eq!(texts(&html, "main .quiz-address-url"), [address]);
    let qr = select(&html, "main svg[role=img][aria-label]");
    assert_eq!(qr.len(), 1, "one labelled QR code");
    assert_eq!(read_qr(&qr[0].html()), address, "a phone that scans the code opens this quiz");
}

/// The text of `main` outside the printed answer key, whitespace collapsed.
fn screen_text(html: &scraper::Html) -> String {
    let main = select(html, "main").remove(0);
    let parts: Vec<&str> = main
        .descendants()
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.has_class("answer-key", scraper::CaseSensitivity::CaseSensitive))
            })
        })
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect();
    parts.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn each_feedback_and_explanation_is_on_the_page_once() {
    let html = quiz();
    let text = screen_text(&html);
    for once in [
        "Vraag het eerst.",
        "Precies.",
        "Doorsturen is meedoen.",
        "Iedereen heeft recht op privacy.",
        "Eerst niet meedoen, dan bewijs, dan hulp.",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once:?} once outside the answer key");
    }
    // No second list of the feedback inside the answer.
    assert!(select(&html, "details .feedback-list, details .answer-feedback").is_empty());
}

#[test]
fn the_one_at_a_time_flow_has_its_progress_and_buttons() {
    let html = quiz();
    assert_eq!(attrs(&html, "main [data-quiz]", "data-label-step-progress"), ["{number} van {total}"]);
    assert_eq!(select(&html, "main [data-step-progress]").len(), 1);
    assert_eq!(attrs(&html, "main progress[data-step-bar]", "max"), ["4"]);
    assert_eq!(attrs(&html, "main [data-steps]", "aria-label"), ["Vorige of volgende vraag"]);
    assert_eq!(texts(&html, "main [data-steps] button"), ["← Vorige", "Volgende →", "Bekijk mijn score"]);
    // Hidden until the quiz scripts run: without them the whole form shows.
    for hook in ["[data-step-progress-box]", "[data-steps]", "[data-result]"] {
        assert_eq!(attrs(&html, &format!("main {hook}"), "hidden"), [""], "{hook} is hidden without JavaScript");
    }
}

#[test]
fn the_end_screen_lists_every_question_it_may_call_missed_with_its_rules() {
    let html = quiz();
    assert_eq!(texts(&html, "[data-result] h2"), ["Je resultaat"]);
    assert_eq!(texts(&html, "[data-result] [data-pass-mark]"), ["Voldoende vanaf 75%"]);
    assert_eq!(texts(&html, "[data-result] [data-missed] h3"), ["Nog niet goed beantwoord"]);
    assert_eq!(attrs(&html, "[data-result] [data-missed-for]", "data-missed-for"), ["q1", "q2", "q3", "q4"]);
    assert_eq!(
        texts(&html, "[data-missed-for] .quiz-missed-question"),
        [
            "Vraag 1 Je maakt een foto van je klas. Wat doe je?",
            "Vraag 2 Wat hoort niet in de klassenapp?",
            "Vraag 3 Doorsturen is niet erg.",
            "Vraag 4 Wat doe je bij een kwetsend bericht?"
        ]
    );
    // Each item links to the rules its question cites, the same links.
    for q in ["q1", "q2", "q3", "q4"] {
        assert_eq!(
            attrs(&html, &format!("[data-missed-for={q}] .refs a"), "href"),
            attrs(&html, &format!("#{q} details .refs a"), "href"),
            "{q}"
        );
        assert_eq!(texts(&html, &format!("[data-missed-for={q}] [data-goto={q}]")).len(), 1, "{q}");
    }
    assert_eq!(texts(&html, "[data-missed-for=q2] [data-goto]"), ["Terug naar vraag 2"]);
    assert_eq!(texts(&html, "[data-result] [data-all-right]"), ["Alle vragen goed beantwoord."]);
    assert_eq!(texts(&html, "[data-result] [data-retry]"), ["Opnieuw"]);
}
