//! Text helpers shared by every stage: decoding what school editors save
//! (BOM, CRLF, not-UTF-8), finding line and column of a byte offset, and
//! "did you mean" suggestions.

/// Decodes a file's bytes: strips a UTF-8 byte order mark and turns CRLF (and
/// lone CR) line endings into LF. Returns the 1-based line of the first byte
/// that is not UTF-8 when decoding fails.
pub fn decode(bytes: &[u8]) -> Result<String, usize> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        1 + valid.iter().filter(|&&b| b == b'\n').count()
    })?;
    if !text.contains('\r') {
        return Ok(text.to_owned());
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Line starts of a text, to turn byte offsets into 1-based lines and columns.
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset asked for and its column: offsets asked for in
    /// order along one long line are counted from there, not from the
    /// line's start, so that placing every link of a line is linear.
    last: std::cell::Cell<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, last: std::cell::Cell::new((0, 1)) }
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let (last_offset, last_column) = self.last.get();
        let (from, column) =
            if (start..=offset).contains(&last_offset) { (last_offset, last_column) } else { (start, 1) };
        let Some(between) = text.get(from..offset) else { return (line, 1) };
        let column = column + between.chars().count();
        self.last.set((offset, column));
        (line, column)
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo. Names longer than any typed name are not compared: the comparison
/// takes time that grows with the product of both lengths.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    const LONGEST: usize = 200;
    if word.len() > LONGEST {
        return None;
    }
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| c.len() <= LONGEST)
        .map(|c| (strsim::jaro_winkler(&word_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// "; did you mean `x`?" or nothing.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates).map_or_else(String::new, |c| format!("; did you mean `{c}`?"))
}

/// Lower-case, hyphen-separated form of a heading, for ids.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_bom_and_crlf() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\r\n").unwrap(), "a\nb\n");
        assert_eq!(decode(b"a\rb").unwrap(), "a\nb");
    }

    #[test]
    fn decode_names_first_bad_line() {
        // "café" in Latin-1 on line 3.
        assert_eq!(decode(b"one\ntwo\ncaf\xE9\n"), Err(3));
    }

    #[test]
    fn positions_are_one_based() {
        let text = "ab\ncdé\nf";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 4), (2, 2));
        assert_eq!(index.position(text, text.len() - 1), (3, 1));
        // In any order, from a remembered place or not.
        assert_eq!(index.position(text, 5), (2, 3));
        assert_eq!(index.position(text, 3), (2, 1));
        assert_eq!(index.position(text, 7), (2, 4));
        assert_eq!(index.position(text, 8), (3, 1));
    }

    #[test]
    fn suggests_close_names_only() {
        let audiences = ["leerlingen", "ouders", "medewerkers"];
        assert_eq!(did_you_mean("leerling", audiences), Some("leerlingen"));
        assert_eq!(did_you_mean("Ouder", audiences), Some("ouders"));
        assert_eq!(did_you_mean("bestuur", audiences), None);
    }

    #[test]
    fn slugify_keeps_letters_and_digits() {
        assert_eq!(slugify("Daarom dit protocol!"), "daarom-dit-protocol");
        assert_eq!(slugify("Privé & werk"), "privé-werk");
    }
}
