//! The scalars of libyaml's scanner, followed just far enough to know
//! where they end: quoted, plain (over continuation lines) and block.

use super::{is_blank, is_blankz, is_break, is_flow_indicator, Scanner};

impl Scanner<'_> {
    /// A quoted scalar, to its closing quote (libyaml's `scan_flow_scalar`).
    pub(super) fn quoted(&mut self, quote: char) {
        self.advance();
        while let Some(c) = self.peek() {
            if self.at_document_marker() {
                // libyaml stops with an error here.
                return;
            }
            self.advance();
            if quote == '\'' && c == '\'' {
                if self.peek() == Some('\'') {
                    self.advance();
                    continue;
                }
                return;
            }
            if quote == '"' && c == '\\' {
                self.advance();
            } else if quote == '"' && c == '"' {
                return;
            }
        }
    }

    /// A plain scalar, over its continuation lines (libyaml's `scan_plain_scalar`).
    pub(super) fn plain(&mut self) {
        let indent = self.indent().map_or(0, |i| i + 1);
        let mut leading_blanks = false;
        loop {
            if self.at_document_marker() || self.peek() == Some('#') {
                break;
            }
            while !is_blankz(self.peek()) {
                let c = self.peek().unwrap_or(' ');
                if c == ':' && (is_blankz(self.peek_at(1)) || self.flow > 0) || self.flow > 0 && is_flow_indicator(c) {
                    self.key_allowed = leading_blanks;
                    return;
                }
                self.advance();
                leading_blanks = false;
            }
            if !self.peek().is_some_and(|c| is_blank(c) || is_break(c)) {
                break;
            }
            while let Some(c) = self.peek().filter(|&c| is_blank(c) || is_break(c)) {
                leading_blanks |= is_break(c);
                self.advance();
            }
            if self.flow == 0 && self.column < indent {
                break;
            }
        }
        self.key_allowed = leading_blanks;
    }

    /// A literal or folded block scalar: its header, then every line
    /// indented at least as far as its first (libyaml's `scan_block_scalar`).
    pub(super) fn block_scalar(&mut self) {
        self.key = None;
        self.key_allowed = true;
        self.advance();
        let mut increment = 0;
        while let Some(c) = self.peek().filter(|c| matches!(c, '+' | '-' | '1'..='9')) {
            if let Some(digit) = c.to_digit(10) {
                increment = digit as usize;
            }
            self.advance();
        }
        // The rest of the header line: blanks and a comment (anything else is an error).
        while self.peek().is_some_and(|c| !is_break(c)) {
            self.advance();
        }
        self.advance();
        let base = self.indent().map_or(0, |i| i + 1);
        let mut indent = if increment > 0 { self.indent().map_or(increment, |i| i + increment) } else { 0 };
        loop {
            // Leading spaces, and empty lines.
            let mut widest = 0;
            loop {
                while (indent == 0 || self.column < indent) && self.peek() == Some(' ') {
                    self.advance();
                }
                widest = widest.max(self.column);
                match self.peek() {
                    Some(c) if is_break(c) => self.advance(),
                    _ => break,
                }
            }
            if indent == 0 {
                indent = widest.max(base).max(1);
            }
            if self.column != indent || self.peek().is_none_or(|c| c == '\0') {
                return;
            }
            while self.peek().is_some_and(|c| !is_break(c)) {
                self.advance();
            }
            self.advance();
        }
    }
}
