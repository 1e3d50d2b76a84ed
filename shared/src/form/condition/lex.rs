//! The lexer: a condition's text to tokens, each with its byte offset for error messages.

use super::{SyntaxError, column};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Number(f64),
    Text(String),
    Name(String),
    Op(&'static str),
    End,
}

impl Tok {
    pub(super) fn describe(&self) -> String {
        match self {
            Tok::Number(n) => format!("number {n}"),
            Tok::Text(s) => format!("string {s:?}"),
            Tok::Name(n) => format!("`{n}`"),
            Tok::Op(op) => format!("`{op}`"),
            Tok::End => "the end".to_owned(),
        }
    }
}

/// Longest first, so `<=` is not read as `<` then `=`.
pub(super) const OPERATORS: &[&str] = &[
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ",", "+", "-",
];

pub(super) fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

pub(super) fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

pub(super) fn lex(source: &str) -> Result<Vec<(Tok, usize)>, SyntaxError> {
    let err = |pos: usize, reason: String| SyntaxError {
        column: column(source, pos),
        reason,
    };
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = source[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let n: f64 = source[start..i]
                .parse()
                .map_err(|_| err(start, format!("bad number {:?}", &source[start..i])))?;
            tokens.push((Tok::Number(n), start));
        } else if c == '"' || c == '\'' {
            i += 1;
            let mut text = String::new();
            loop {
                let Some(d) = source[i..].chars().next() else {
                    return Err(err(start, "string is not closed".to_owned()));
                };
                i += d.len_utf8();
                if d == c {
                    break;
                }
                if d == '\\' {
                    match source[i..].chars().next() {
                        Some(e @ ('"' | '\'' | '\\')) => {
                            text.push(e);
                            i += 1;
                        }
                        _ => {
                            return Err(err(
                                i - 1,
                                "only \\\" \\' and \\\\ may follow a backslash".to_owned(),
                            ));
                        }
                    }
                } else {
                    text.push(d);
                }
            }
            tokens.push((Tok::Text(text), start));
        } else if is_name_start(c) {
            loop {
                while i < bytes.len() && is_name_char(bytes[i] as char) {
                    i += 1;
                }
                if i < bytes.len() && bytes[i] == b'.' {
                    if i + 1 < bytes.len() && is_name_start(bytes[i + 1] as char) {
                        i += 1;
                        continue;
                    }
                    return Err(err(i, "expected a name after `.`".to_owned()));
                }
                break;
            }
            tokens.push((Tok::Name(source[start..i].to_owned()), start));
        } else if let Some(op) = OPERATORS.iter().find(|op| source[i..].starts_with(**op)) {
            i += op.len();
            tokens.push((Tok::Op(op), start));
        } else {
            let hint = match c {
                '=' => " (compare with `==`)",
                '&' => " (write `&&`)",
                '|' => " (write `||`)",
                _ => "",
            };
            return Err(err(start, format!("unexpected character {c:?}{hint}")));
        }
    }
    tokens.push((Tok::End, source.len()));
    Ok(tokens)
}
