//! Rewriting the text of a Fluent file and nothing else: every message's and term's value,
//! attributes and select variants go through a function, while ids, variables, function names,
//! selector keys and string literals stay as they are. This is how `kk-Latn` and `kk-Arab` are
//! made from the Cyrillic files with exactly their keys and variables.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::{parser, serializer};

/// The Fluent source `ftl` with the text of every message and term passed through `text`. The
/// parse errors of a broken file are returned beside the rewrite of what did parse.
pub(crate) fn rewrite_text(
    ftl: &str,
    text: fn(&str) -> String,
) -> (String, Vec<parser::ParserError>) {
    let (mut resource, errors) = match parser::parse(ftl.to_owned()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    resource.body.retain(|e| !matches!(e, Entry::Junk { .. }));
    for entry in &mut resource.body {
        match entry {
            Entry::Message(m) => {
                if let Some(value) = &mut m.value {
                    pattern(value, text);
                }
                for attr in &mut m.attributes {
                    pattern(&mut attr.value, text);
                }
            }
            Entry::Term(t) => {
                pattern(&mut t.value, text);
                for attr in &mut t.attributes {
                    pattern(&mut attr.value, text);
                }
            }
            _ => {}
        }
    }
    (serializer::serialize(&resource), errors)
}

fn pattern(pattern: &mut Pattern<String>, text: fn(&str) -> String) {
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } => *value = text(value),
            PatternElement::Placeable { expression: e } => expression(e, text),
        }
    }
}

fn expression(expression: &mut Expression<String>, text: fn(&str) -> String) {
    match expression {
        // The selector and the keys choose a variant; only what the variants say is text.
        Expression::Select { variants, .. } => {
            for variant in variants {
                pattern(&mut variant.value, text);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression: e }) => {
            self::expression(e, text)
        }
        Expression::Inline(_) => {}
    }
}
