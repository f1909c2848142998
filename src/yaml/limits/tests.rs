use super::*;

fn offset_of_error(yaml: &str) -> Option<usize> {
    check(yaml).err().map(|e| e.offset)
}

#[test]
fn deep_flow_nesting_is_refused_at_the_bracket_past_the_limit() {
    let yaml = format!("a: {}", "[".repeat(100_000));
    assert_eq!(offset_of_error(&yaml), Some(3 + MAX_DEPTH - 1));
    // The outer map is the first level.
    let maps = format!("a: {}", "{b: ".repeat(100_000));
    assert_eq!(offset_of_error(&maps), Some(3 + 4 * (MAX_DEPTH - 1)));
    let mixed = format!("a:\n{}", "- [".repeat(50_000));
    assert!(offset_of_error(&mixed).is_some());
}

#[test]
fn deep_block_nesting_is_refused() {
    let dashes = format!("a:\n{}x\n", "- ".repeat(100_000));
    // The first `-` continues the map's indentation, as libyaml counts it.
    assert_eq!(offset_of_error(&dashes), Some(3 + 2 * MAX_DEPTH));
    let keys: String = (0..200).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
    let offset = offset_of_error(&keys).expect("200 levels of keys");
    assert!(keys[offset..].starts_with(&format!("k{}:", MAX_DEPTH)), "{}", &keys[offset - 10..offset + 10]);
}

#[test]
fn nesting_up_to_the_limit_passes() {
    let depth = MAX_DEPTH - 1;
    let yaml = format!("a: {}x{}\n", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(check(&yaml), Ok(()));
    let yaml = format!("a: {}x{}\n", "[".repeat(depth + 1), "]".repeat(depth + 1));
    assert!(check(&yaml).is_err());
    let yaml = format!("{}x{}\n", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert_eq!(check(&yaml), Ok(()));
}

#[test]
fn brackets_in_scalars_and_comments_are_not_nesting() {
    let many = "[".repeat(300);
    for yaml in [
        format!("a: \"{many}\"\n"),
        format!("a: '{many}'\n"),
        format!("a: text {many}\n"),
        format!("a: text\n  {many}\n"),
        format!("a: 1 # {many}\n"),
        format!("# {many}\n"),
        format!("a: |\n  {many}\n  more\nb: x\n"),
        format!("- a: >-\n    {many}\n- b\n"),
        format!("a: [\"{many}\", '{many}', x]\n"),
        format!("a: \"it's \\\"{many}\"\n"),
        format!("a: 'it''s {many}'\n"),
    ] {
        assert_eq!(check(&yaml), Ok(()), "{yaml:.60}");
    }
}

#[test]
fn brackets_after_a_block_scalar_ends_count() {
    let yaml = format!("a: |\n  text\nb: {}\n", "[".repeat(200));
    assert!(offset_of_error(&yaml).is_some());
    // A plain scalar's continuation is more indented than its key; a line
    // that is not ends it, and its quote starts a token of its own.
    let yaml = format!("a: x\n  \"\nb: {}\n", "[".repeat(200));
    assert!(offset_of_error(&yaml).is_some());
}

#[test]
fn size_is_limited() {
    let yaml = format!("a: {}", "x".repeat(MAX_BYTES));
    assert_eq!(offset_of_error(&yaml), Some(MAX_BYTES));
}

#[test]
fn agrees_with_libyaml_on_what_it_accepts() {
    // What the scanner lets through, libyaml must also parse at that depth:
    // texts at the limit parse, so the limit is the same for both.
    let depth = MAX_DEPTH - 2;
    let yaml = format!("a: {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    assert!(check(&yaml).is_ok());
    assert!(serde_yaml::from_str::<serde_yaml::Value>(&yaml).is_ok());
}

#[test]
fn first_alias_is_found() {
    assert_eq!(first_alias("a: &x [1]\nb: '*no'\nc: [*x, *x]\n"), Some(23));
    assert_eq!(first_alias("a: 1\n"), None);
}
