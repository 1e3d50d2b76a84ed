//! Printing a condition back as text, with the fewest parentheses that keep its meaning, and
//! walking its tree.

use std::fmt;

use super::{BinOp, Condition, Expr, Node};

impl fmt::Display for Condition {
    /// Prints the tree back with the fewest parentheses that keep its meaning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.root)
    }
}

impl Node {
    pub(super) fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a Node)) {
        visit(self);
        match &self.expr {
            Expr::Number(_) | Expr::Text(_) | Expr::Bool(_) | Expr::Ref(_) => {}
            Expr::Not(x) | Expr::Neg(x) => x.walk(visit),
            Expr::Binary(_, a, b) | Expr::Compare(_, a, b) | Expr::In(a, b) => {
                a.walk(visit);
                b.walk(visit);
            }
            Expr::List(items) | Expr::Call(_, items) => {
                for item in items {
                    item.walk(visit);
                }
            }
        }
    }

    /// Binding strength, for printing: higher binds tighter.
    fn precedence(&self) -> u8 {
        match &self.expr {
            Expr::Binary(BinOp::Or, ..) => 1,
            Expr::Binary(BinOp::And, ..) => 2,
            Expr::Compare(..) | Expr::In(..) => 3,
            Expr::Binary(BinOp::Add | BinOp::Sub, ..) => 4,
            Expr::Not(_) | Expr::Neg(_) => 5,
            _ => 6,
        }
    }
}

fn write_child(f: &mut fmt::Formatter<'_>, child: &Node, parens: bool) -> fmt::Result {
    if parens {
        write!(f, "({child})")
    } else {
        write!(f, "{child}")
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let own = self.precedence();
        match &self.expr {
            Expr::Number(n) => write!(f, "{n}"),
            Expr::Text(s) => {
                f.write_str("\"")?;
                for c in s.chars() {
                    if c == '"' || c == '\\' {
                        f.write_str("\\")?;
                    }
                    write!(f, "{c}")?;
                }
                f.write_str("\"")
            }
            Expr::Bool(b) => write!(f, "{b}"),
            Expr::Ref(r) => f.write_str(&r.path),
            Expr::Not(x) | Expr::Neg(x) => {
                f.write_str(if matches!(self.expr, Expr::Not(_)) {
                    "!"
                } else {
                    "-"
                })?;
                write_child(f, x, x.precedence() < own)
            }
            Expr::Binary(op, a, b) => {
                let sym = op.symbol();
                // Left-associative: the right operand needs parentheses at equal strength.
                write_child(f, a, a.precedence() < own)?;
                write!(f, " {sym} ")?;
                write_child(f, b, b.precedence() <= own)
            }
            Expr::Compare(op, a, b) => {
                let sym = op.symbol();
                // Comparisons do not chain, so either side at equal strength needs parentheses.
                write_child(f, a, a.precedence() <= own)?;
                write!(f, " {sym} ")?;
                write_child(f, b, b.precedence() <= own)
            }
            Expr::In(a, b) => {
                write_child(f, a, a.precedence() <= own)?;
                f.write_str(" in ")?;
                write_child(f, b, b.precedence() <= own)
            }
            Expr::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Expr::Call(func, args) => {
                write!(f, "{}(", func.name())?;
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str(")")
            }
        }
    }
}
