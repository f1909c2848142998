use super::{allowed_in_xml, identifier};

#[test]
fn identifiers_are_xml_names() {
    assert_eq!(identifier("privacy-nl"), "privacy-nl");
    assert_eq!(identifier("2024-quiz"), "q2024-quiz");
    assert_eq!(identifier("quiz één"), "quiz___n");
    assert_eq!(identifier("_x.y"), "_x.y");
}

#[test]
fn control_characters_cannot_be_carried() {
    assert!(allowed_in_xml('a') && allowed_in_xml('\n') && allowed_in_xml('é') && allowed_in_xml('😀'));
    assert!(!allowed_in_xml('\u{1}') && !allowed_in_xml('\u{FFFE}') && !allowed_in_xml('\u{1F}'));
}
