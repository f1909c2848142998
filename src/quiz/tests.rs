use super::scenario::{self, ScenarioMeta};
use super::*;
use crate::content::document_from_text;

fn quiz(yaml: &str) -> Document<QuizMeta> {
    document_from_text(Path::new("q.md"), &format!("---\n{yaml}---\n")).unwrap()
}

fn card(yaml: &str) -> Document<ScenarioMeta> {
    document_from_text(Path::new("s.md"), &format!("---\n{yaml}---\n")).unwrap()
}

fn messages(problems: &[Diagnostic]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

const QUIZ: &str = "id: q
title: Q
audiences: [all]
pass: 70
questions:
  - type: single
    prompt: Een?
    options:
      - text: ja
        correct: true
      - text: nee
  - type: multiple
    prompt: Meer?
    options:
      - text: a
        correct: true
      - text: b
  - type: truefalse
    prompt: Waar?
    options:
      - text: Waar
      - text: Niet waar
        correct: true
  - type: order
    prompt: Volgorde?
    options:
      - text: eerst
      - text: dan
";

use std::path::Path;

#[test]
fn a_sound_quiz_passes() {
    assert!(validate(&quiz(QUIZ)).is_empty());
}

#[test]
fn unknown_type_and_key_are_refused_with_line() {
    let text = format!("---\n{}---\n", QUIZ.replace("type: multiple", "type: several"));
    let err = document_from_text::<QuizMeta>(Path::new("q.md"), &text).unwrap_err();
    assert_eq!(err.line, 13);
    assert!(
        err.message.starts_with("question 2, `type`: unknown value `several`; allowed are `single`"),
        "{}",
        err.message
    );
    let text = format!("---\n{}---\n", QUIZ.replace("prompt: Meer?", "promt: Meer?"));
    let err = document_from_text::<QuizMeta>(Path::new("q.md"), &text).unwrap_err();
    assert!(err.message.contains("unknown key `promt`; did you mean `prompt`?"), "{}", err.message);
}

#[test]
fn single_and_truefalse_need_exactly_one_correct_option() {
    let two_correct = QUIZ.replacen("      - text: nee\n", "      - text: nee\n        correct: true\n", 1);
    assert_eq!(
        messages(&validate(&quiz(&two_correct))),
        ["q.md:7:5: question 1 (single) has 2 correct options; mark exactly one option with `correct: true`"]
    );
    let none_correct = QUIZ.replace("      - text: Niet waar\n        correct: true\n", "      - text: Niet waar\n");
    assert_eq!(
        messages(&validate(&quiz(&none_correct))),
        ["q.md:19:5: question 3 (truefalse) has 0 correct options; mark exactly one option with `correct: true`"]
    );
}

#[test]
fn multiple_needs_a_correct_option() {
    let none = QUIZ.replace("      - text: a\n        correct: true\n", "      - text: a\n");
    assert_eq!(
        messages(&validate(&quiz(&none))),
        ["q.md:13:5: question 2 (multiple) has no correct option; mark at least one with `correct: true`"]
    );
}

#[test]
fn order_needs_two_items_and_no_correct_marks() {
    let one = QUIZ.replace("      - text: dan\n", "");
    assert_eq!(
        messages(&validate(&quiz(&one))),
        ["q.md:25:5: question 4 (order) has only 1 item; list at least two, in the correct order"]
    );
    let marked = QUIZ.replace("      - text: dan\n", "      - text: dan\n        correct: true\n");
    assert_eq!(
        messages(&validate(&quiz(&marked))),
        ["q.md:29:7: question 4 (order) marks an option correct; an order question lists its items in the correct order and marks none"]
    );
}

#[test]
fn translations_must_ask_the_same_questions() {
    let original = quiz(QUIZ);
    let fewer =
        quiz(&QUIZ.replace(
            "  - type: order\n    prompt: Volgorde?\n    options:\n      - text: eerst\n      - text: dan\n",
            "",
        ));
    assert_eq!(
        messages(&compare_translation(&original, &fewer)),
        ["q.md:6:1: this translation has 3 questions, the original q.md has 4; a translation asks the same questions"]
    );
    let other_kind = quiz(&QUIZ.replace("type: multiple", "type: single"));
    assert_eq!(
        messages(&compare_translation(&original, &other_kind)),
        ["q.md:13:5: question 2 is `single` here but `multiple` in q.md"]
    );
    let more_options = quiz(&QUIZ.replace("      - text: dan\n", "      - text: dan\n      - text: daarna\n"));
    assert_eq!(
        messages(&compare_translation(&original, &more_options)),
        ["q.md:25:5: question 4 has 3 options here but 2 in q.md"]
    );
}

#[test]
fn shuffle_is_stable_and_never_the_identity() {
    for len in 2..8 {
        let order = shuffled("quiz", 3, len);
        assert_eq!(order, shuffled("quiz", 3, len));
        assert_ne!(order, (0..len).collect::<Vec<_>>());
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..len).collect::<Vec<_>>());
    }
}

const CARD: &str = "id: s
title: S
audiences: [all]
start: begin
steps:
  begin:
    text: Wat doe je?
    choices:
      - label: Goed
        next: goed
      - label: Fout
        next: fout
  goed:
    text: Mooi.
    outcome: good
  fout:
    text: Jammer.
    outcome: bad
";

#[test]
fn a_sound_card_passes_in_reading_order() {
    let doc = card(CARD);
    assert!(scenario::validate(&doc).is_empty());
    assert_eq!(scenario::reading_order(&doc.meta), ["begin", "goed", "fout"]);
}

#[test]
fn start_and_next_must_name_steps() {
    let doc = card(&CARD.replace("start: begin", "start: begn").replace("next: fout", "next: foute"));
    let found = messages(&scenario::validate(&doc));
    assert!(
        found.contains(&"s.md:5:8: `start` names no step: there is no step `begn`; did you mean `begin`?".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(
            &"s.md:13:15: choice \"Fout\" of step `begin` leads to `foute`, which is no step; did you mean `fout`?"
                .to_owned()
        ),
        "{found:?}"
    );
}

#[test]
fn unreachable_steps_both_kinds_and_endless_paths_are_errors() {
    let unreachable = format!("{CARD}  los:\n    text: Niemand komt hier.\n    outcome: neutral\n");
    assert_eq!(
        messages(&scenario::validate(&card(&unreachable))),
        ["s.md:20:3: step `los` cannot be reached from `begin`: no choice leads to it"]
    );
    let both = CARD.replace("    text: Wat doe je?\n", "    text: Wat doe je?\n    outcome: neutral\n");
    assert_eq!(
        messages(&scenario::validate(&card(&both))),
        ["s.md:9:5: step `begin` has both choices and an outcome; a step either offers choices or ends the story"]
    );
    let circle = CARD
        .replace(
            "    text: Mooi.\n    outcome: good\n",
            "    text: Mooi.\n    choices:\n      - label: Terug\n        next: begin\n",
        )
        .replace(
            "    text: Jammer.\n    outcome: bad\n",
            "    text: Jammer.\n    choices:\n      - label: Terug\n        next: goed\n",
        );
    let found = messages(&scenario::validate(&card(&circle)));
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].ends_with("from step `begin` no path ends in an outcome: its choices only go round in circles"),
        "{found:?}"
    );
}

#[test]
fn card_translations_must_have_the_same_graph() {
    let original = card(CARD);
    let changed = card(&CARD.replace("next: fout", "next: goed"));
    assert_eq!(
        messages(&scenario::compare_translation(&original, &changed)),
        ["s.md:7:3: step `begin` leads to other steps or another outcome than in s.md"]
    );
}
