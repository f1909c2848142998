//! Limits on a YAML text, checked before the YAML parser sees it: its size,
//! and how deeply its collections nest. libyaml (under serde_norway) walks
//! its whole stack of open flow collections (`[`, `{`) for every token, so
//! 100,000 nested brackets take minutes; serde_norway's own depth limit only
//! applies after libyaml has read the whole text. This module follows
//! libyaml's scanner just far enough to know where each token starts
//! (comments, quoted, plain and block scalars, indentation) and counts the
//! open collections in one pass. Where it cannot be sure, it counts a
//! bracket rather than skipping it: it may refuse a strange text libyaml
//! would take, never the other way round.

/// Nested collections (flow and block) that a YAML text may open. The same
/// as serde_norway's own recursion limit, so that both say the same thing.
pub const MAX_DEPTH: usize = 128;

/// Bytes of one YAML text (front matter, `site.yaml`, a glossary). The
/// largest real one, a quiz of 40 questions, has about 30 KB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// Where a limit was hit: a byte offset into the text, and what to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceeded {
    pub offset: usize,
    pub message: String,
}

/// Checks `yaml` against [`MAX_BYTES`] and [`MAX_DEPTH`], in time linear in its length.
pub fn check(yaml: &str) -> Result<(), Exceeded> {
    if yaml.len() > MAX_BYTES {
        let mut offset = MAX_BYTES;
        while !yaml.is_char_boundary(offset) {
            offset -= 1;
        }
        return Err(Exceeded {
            offset,
            message: format!(
                "this YAML is larger than {} MB, far more than any site needs; split the text or shorten it",
                MAX_BYTES >> 20
            ),
        });
    }
    Scanner::new(yaml).run()
}

/// Byte offset of the first alias (`*name`) in `yaml`, to place errors
/// about aliases that serde_norway reports without a position.
pub fn first_alias(yaml: &str) -> Option<usize> {
    let mut scanner = Scanner::new(yaml);
    scanner.depth_limit = usize::MAX;
    let _ = scanner.run_until_alias();
    scanner.alias
}

/// The message for nesting deeper than [`MAX_DEPTH`].
pub fn too_deep() -> String {
    format!(
        "the YAML nests more than {MAX_DEPTH} lists or maps inside each other here; no site needs that: close the brackets (`]`, `}}`) or remove levels of indentation"
    )
}

/// A cursor over the text that counts lines and columns as libyaml does.
struct Scanner<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    /// libyaml's line, column (in characters) and character index.
    line: usize,
    column: usize,
    index: usize,
    flow: usize,
    /// Columns of the open block collections (libyaml's `indents` + `indent`).
    indents: Vec<usize>,
    /// A token at flow level 0 that may turn out to be a key.
    key: Option<Key>,
    key_allowed: bool,
    depth_limit: usize,
    /// Byte offset of the first alias, once seen.
    alias: Option<usize>,
}

/// Where a possible key starts: libyaml's column, line and character index, and the byte offset.
#[derive(Debug, Clone, Copy)]
struct Key {
    column: usize,
    line: usize,
    index: usize,
    at: usize,
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// Blank, break or the end (libyaml's `IS_BLANKZ`; NUL counts as the end).
fn is_blankz(c: Option<char>) -> bool {
    c.is_none_or(|c| is_blank(c) || is_break(c) || c == '\0')
}

fn is_flow_indicator(c: char) -> bool {
    matches!(c, ',' | '[' | ']' | '{' | '}')
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            at: 0,
            line: 0,
            column: 0,
            index: 0,
            flow: 0,
            indents: Vec::new(),
            key: None,
            key_allowed: true,
            depth_limit: MAX_DEPTH,
            alias: None,
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.at..].chars().nth(n)
    }

    fn advance(&mut self) {
        let Some(c) = self.peek() else { return };
        self.at += c.len_utf8();
        self.index += 1;
        if is_break(c) {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
    }

    fn indent(&self) -> Option<usize> {
        self.indents.last().copied()
    }

    /// libyaml's `roll_indent`: a block collection opens at `column` (byte offset `at`).
    fn roll(&mut self, column: usize, at: usize) -> Result<(), Exceeded> {
        if self.flow == 0 && self.indent().is_none_or(|indent| indent < column) {
            self.indents.push(column);
            self.depth_check(at)?;
        }
        Ok(())
    }

    fn depth_check(&self, at: usize) -> Result<(), Exceeded> {
        if self.flow + self.indents.len() > self.depth_limit {
            return Err(Exceeded { offset: at, message: too_deep() });
        }
        Ok(())
    }

    fn save_key(&mut self) {
        if self.flow == 0 && self.key_allowed {
            self.key = Some(Key { column: self.column, line: self.line, index: self.index, at: self.at });
        }
    }

    fn at_document_marker(&self) -> bool {
        self.column == 0
            && (self.text[self.at..].starts_with("---") || self.text[self.at..].starts_with("..."))
            && is_blankz(self.peek_at(3))
    }

    fn run(mut self) -> Result<(), Exceeded> {
        self.run_until_alias()
    }

    /// Scans to the end, or to the first alias when one is looked for.
    fn run_until_alias(&mut self) -> Result<(), Exceeded> {
        loop {
            if self.alias.is_some() {
                return Ok(());
            }
            self.skip_to_token();
            let Some(c) = self.peek() else { return Ok(()) };
            if c == '\0' {
                // libyaml refuses control characters and stops here.
                return Ok(());
            }
            if self.key.is_some_and(|key| key.line != self.line || key.index + 1024 < self.index) {
                self.key = None;
            }
            if self.flow == 0 {
                while self.indent().is_some_and(|indent| indent > self.column) {
                    self.indents.pop();
                }
            }
            self.token(c)?;
        }
    }

    /// Whitespace, comments and line breaks before the next token.
    fn skip_to_token(&mut self) {
        loop {
            while self.peek().is_some_and(|c| c == ' ' || (c == '\t' && (self.flow > 0 || !self.key_allowed))) {
                self.advance();
            }
            if self.peek() == Some('#') {
                while self.peek().is_some_and(|c| !is_break(c)) {
                    self.advance();
                }
            }
            match self.peek() {
                Some(c) if is_break(c) => {
                    self.advance();
                    if self.flow == 0 {
                        self.key_allowed = true;
                    }
                }
                _ => return,
            }
        }
    }

    /// One token starting with `c`: indicators open and close blocks and
    /// flows as the YAML scanner does; scalars and properties are skipped.
    fn token(&mut self, c: char) -> Result<(), Exceeded> {
        let next_blank = is_blankz(self.peek_at(1));
        if self.skip_directive_or_marker(c) {
            return Ok(());
        }
        match c {
            '[' | '{' | ']' | '}' | ',' => self.flow_indicator(c)?,
            '-' if next_blank => {
                self.roll(self.column, self.at)?;
                self.key = None;
                self.advance();
                self.key_allowed = true;
            }
            '?' if next_blank || self.flow > 0 => {
                self.roll(self.column, self.at)?;
                self.key = None;
                self.advance();
                self.key_allowed = self.flow == 0;
            }
            ':' if next_blank || self.flow > 0 => self.value_indicator()?,
            '*' | '&' | '!' => self.node_property(c),
            '|' | '>' if self.flow == 0 => self.block_scalar(),
            '\'' | '"' => {
                self.save_key();
                self.quoted(c);
                self.key_allowed = false;
            }
            _ => {
                self.save_key();
                self.plain();
            }
        }
        Ok(())
    }

    /// Skips a directive line (`%` in column 0) or a document marker
    /// (`---`, `...`), which ends every open block; whether it did.
    fn skip_directive_or_marker(&mut self, c: char) -> bool {
        if self.column == 0 && c == '%' {
            while self.peek().is_some_and(|c| !is_break(c)) {
                self.advance();
            }
            return true;
        }
        if self.at_document_marker() {
            self.indents.clear();
            self.key = None;
            self.key_allowed = false;
            (0..3).for_each(|_| self.advance());
            return true;
        }
        false
    }

    /// Opens (`[`, `{`, counting depth), closes or separates (`,`) a flow collection.
    fn flow_indicator(&mut self, c: char) -> Result<(), Exceeded> {
        match c {
            '[' | '{' => {
                self.save_key();
                self.flow += 1;
                self.depth_check(self.at)?;
                self.advance();
                self.key_allowed = true;
            }
            ']' | '}' => {
                self.flow = self.flow.saturating_sub(1);
                self.advance();
                self.key_allowed = false;
            }
            _ => {
                self.advance();
                self.key_allowed = true;
            }
        }
        Ok(())
    }

    /// A `:` that ends a key: the mapping opens at the key's column, or at
    /// the `:` when the key is empty.
    fn value_indicator(&mut self) -> Result<(), Exceeded> {
        match self.key.take() {
            Some(key) => {
                self.roll(key.column, key.at)?;
                self.key_allowed = false;
            }
            None => {
                self.roll(self.column, self.at)?;
                self.key_allowed = self.flow == 0;
            }
        }
        self.advance();
        Ok(())
    }

    /// An alias (`*`), anchor (`&`) or tag (`!`): skipped to its end; an
    /// alias is remembered when the first one is looked for.
    fn node_property(&mut self, c: char) {
        if c == '*' && self.depth_limit == usize::MAX {
            self.alias = Some(self.at);
        }
        self.save_key();
        self.advance();
        while !is_blankz(self.peek()) && !self.peek().is_some_and(is_flow_indicator) {
            self.advance();
        }
        self.key_allowed = false;
    }
}

mod scalars;
#[cfg(test)]
mod tests;
