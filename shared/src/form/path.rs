//! Field paths: how an answer, an error or an op names what it is about. A top-level question is
//! its id (`education.level`); one row of a repeat group is `group[i]` and one child in that row
//! is `group[i].child` (`family.members[1].birth_date`), rows counted from 0. The one parser and
//! printer of that syntax, used by `form`, `validate` and the app.

use std::fmt;

/// A parsed field path; see the module header. It borrows from the text it was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldPath<'a> {
    /// A top-level question id (`education.level`), or any other text without a row index.
    Question(&'a str),
    /// One row of a repeat group (`family.members[1]`).
    Row {
        /// The group's question id.
        group: &'a str,
        /// The row, from 0.
        index: usize,
    },
    /// One child question in one row (`family.members[1].birth_date`).
    RowChild {
        /// The group's question id.
        group: &'a str,
        /// The row, from 0.
        index: usize,
        /// The child's plain id (`birth_date`).
        child: &'a str,
    },
}

impl<'a> FieldPath<'a> {
    /// Parses `a.b`, `group[3]` or `group[3].child`; `None` for a malformed row index (`a[x]`,
    /// `a[1`, `a[1]b`, `a[1].`).
    pub fn parse(field: &'a str) -> Option<FieldPath<'a>> {
        let Some(open) = field.find('[') else {
            return Some(FieldPath::Question(field));
        };
        let close = open + field[open..].find(']')?;
        let group = &field[..open];
        let index = field[open + 1..close].parse().ok()?;
        match &field[close + 1..] {
            "" => Some(FieldPath::Row { group, index }),
            rest => {
                let child = rest.strip_prefix('.').filter(|c| !c.is_empty())?;
                Some(FieldPath::RowChild {
                    group,
                    index,
                    child,
                })
            }
        }
    }

    /// The top-level question the path is about: the group for a row or a row's child.
    pub fn question(self) -> &'a str {
        match self {
            FieldPath::Question(id) => id,
            FieldPath::Row { group, .. } | FieldPath::RowChild { group, .. } => group,
        }
    }

    /// The row index, for a row or a row's child.
    pub fn row(self) -> Option<usize> {
        match self {
            FieldPath::Question(_) => None,
            FieldPath::Row { index, .. } | FieldPath::RowChild { index, .. } => Some(index),
        }
    }

    /// The child's plain id, for a row's child.
    pub fn child(self) -> Option<&'a str> {
        match self {
            FieldPath::RowChild { child, .. } => Some(child),
            _ => None,
        }
    }
}

/// Prints the path back in the syntax [`FieldPath::parse`] reads.
impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Question(id) => f.write_str(id),
            FieldPath::Row { group, index } => write!(f, "{group}[{index}]"),
            FieldPath::RowChild {
                group,
                index,
                child,
            } => write!(f, "{group}[{index}].{child}"),
        }
    }
}

/// The top-level question id of a field path: `family.members[1].birth_date` belongs to
/// `family.members`. Text that is not a path is returned whole.
pub fn top_question(field: &str) -> &str {
    FieldPath::parse(field).map_or(field, FieldPath::question)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("education.level", Some(FieldPath::Question("education.level")))]
    #[case("family.members[1]", Some(FieldPath::Row { group: "family.members", index: 1 }))]
    #[case(
        "family.members[12].birth_date",
        Some(FieldPath::RowChild { group: "family.members", index: 12, child: "birth_date" })
    )]
    #[case("a[x].b", None)]
    #[case("a[1", None)]
    #[case("a[1]b", None)]
    #[case("a[1].", None)]
    fn parses(#[case] text: &str, #[case] expected: Option<FieldPath<'_>>) {
        assert_eq!(FieldPath::parse(text), expected);
        if let Some(path) = expected {
            assert_eq!(path.to_string(), text, "prints back");
        }
    }

    #[test]
    fn the_top_question() {
        assert_eq!(top_question("family.members[0].relation"), "family.members");
        assert_eq!(top_question("education.level"), "education.level");
        assert_eq!(top_question("a[x"), "a[x");
    }
}
