//! The condition language of a form: `relevant` rules (skip logic) and the cross-field `check`
//! and `warn` rules of a constraint. A condition is parsed once, when its form loads, into a
//! [`Condition`] (source text plus syntax tree); the form then binds every reference to its
//! question and checks the types, so evaluating it later cannot meet a name it does not know.
//!
//! Grammar, loosest binding first (unary operators bind tightest, as in Rust and C):
//!
//! ```text
//! or      = and ("||" and)*
//! and     = cmp ("&&" cmp)*
//! cmp     = sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum | "in" (list | sum))?
//! sum     = unary (("+" | "-") unary)*
//! unary   = ("!" | "-") unary | primary
//! primary = number | string | "true" | "false" | path | name "(" args ")" | "(" or ")"
//! list    = "[" (or ("," or)*)? "]"
//! ```
//!
//! A `path` is a question id (`personal.birth_date`); inside a repeat group, `<group>.<child>`
//! means the child's answer in the same row. Functions: `today()`, `age(date)` in whole years on
//! `today`, `count(list)` (rows of a repeat group, choices of a multi-choice question; an
//! unanswered one counts 0). Dates are written as strings (`"2026-01-30"`).
//!
//! Evaluation is three-valued (Kleene): a reference to an unanswered or irrelevant question is
//! *unknown*, and so is anything computed from it, except where the other side of `&&`/`||`
//! settles the result. The form decides what unknown means: an unknown `relevant` hides the
//! question (nothing to base it on yet), an unknown `check` does not fail (nothing to compare).
//!
//! The parts: `lex` and `parse` (text to tree), `check` (binding references and type checking),
//! `eval` (three-valued evaluation), `print` (the tree back to text). This file holds the tree
//! and the [`Condition`] API that ties them together.

mod check;
mod eval;
mod lex;
mod parse;
mod print;

use chrono::NaiveDate;
use serde_json::Value;

pub(crate) use check::{BindError, Binding};
use check::{Ty, check};
use eval::{Eval, Val};
use lex::{Tok, lex};
use parse::Parser;

use super::{Kind, LANGUAGE_LEVELS};

/// Conditions nest at most this deep; deeper input is a syntax error rather than a stack
/// overflow.
const MAX_DEPTH: usize = 64;

/// A parsed condition: its source text and its syntax tree.
#[derive(Debug, Clone)]
pub struct Condition {
    source: String,
    root: Node,
}

/// A node of the syntax tree and where it starts in the source (a byte offset).
#[derive(Debug, Clone)]
pub struct Node {
    /// What the node is.
    pub expr: Expr,
    /// Byte offset of the node's first character in the condition's source.
    pub pos: usize,
}

/// Positions are bookkeeping: two trees are equal when they say the same thing.
impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        self.expr == other.expr
    }
}

/// One expression of the condition language.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number literal (never negative: `-1` is `Neg(1)`).
    Number(f64),
    /// A string literal; also how dates are written.
    Text(String),
    /// `true` or `false`.
    Bool(bool),
    /// A question's answer.
    Ref(Ref),
    /// `!x`.
    Not(Box<Node>),
    /// `-x`.
    Neg(Box<Node>),
    /// `a && b`, `a || b`, `a + b`, `a - b`.
    Binary(BinOp, Box<Node>, Box<Node>),
    /// `a == b` and the other comparisons.
    Compare(CmpOp, Box<Node>, Box<Node>),
    /// `a in [..]` or `a in multi_choice_question`.
    In(Box<Node>, Box<Node>),
    /// `[a, b, ..]`, only on the right of `in`.
    List(Vec<Node>),
    /// `age(x)`, `today()`, `count(x)`.
    Call(Func, Vec<Node>),
}

/// A reference to a question's answer, by dotted id.
#[derive(Debug, Clone)]
pub struct Ref {
    /// The id as written.
    pub path: String,
    /// What the form bound it to when it loaded.
    pub target: Target,
}

/// A reference is the same reference whatever it was bound to.
impl PartialEq for Ref {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

/// What a reference stands for, once its form has bound it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Not bound yet: looked up by path, its JSON value taken as it is.
    Unbound,
    /// A top-level question: its position in the form's question order, and its kind.
    Question {
        /// Index into the form's flat list of top-level questions.
        index: usize,
        /// The question's kind, which says how to read its answer.
        kind: Kind,
    },
    /// A child question of the repeat group the condition belongs to, in the same row.
    RowChild {
        /// Index among the group's child questions.
        child: usize,
        /// The child's kind.
        kind: Kind,
    },
}

impl Target {
    fn kind(self) -> Option<Kind> {
        match self {
            Target::Unbound => None,
            Target::Question { kind, .. } | Target::RowChild { kind, .. } => Some(kind),
        }
    }
}

/// `&&`, `||`, `+`, `-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `&&`: both yes/no operands hold.
    And,
    /// `||`: either yes/no operand holds.
    Or,
    /// `+` of two numbers.
    Add,
    /// `-` of two numbers.
    Sub,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::And => "&&",
            BinOp::Or => "||",
            BinOp::Add => "+",
            BinOp::Sub => "-",
        }
    }
}

/// The six comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// The built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `age(date)`: whole years from the date to today.
    Age,
    /// `today()`: the date the caller passed in.
    Today,
    /// `count(x)`: rows of a repeat group or choices of a multi-choice answer.
    Count,
}

impl Func {
    fn name(self) -> &'static str {
        match self {
            Func::Age => "age",
            Func::Today => "today",
            Func::Count => "count",
        }
    }

    fn arity(self) -> usize {
        match self {
            Func::Today => 0,
            Func::Age | Func::Count => 1,
        }
    }
}

/// A condition that does not parse: what was wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based character column in the condition's source.
    pub column: usize,
    /// What was wrong, for a developer.
    pub reason: String,
}

/// The outcome of evaluating a condition (three-valued, see the module header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    /// It certainly holds.
    True,
    /// It certainly does not hold.
    False,
    /// It depends on answers that are missing or not relevant.
    Unknown,
}

impl Truth {
    /// True only when the condition certainly holds.
    pub fn is_true(self) -> bool {
        self == Truth::True
    }

    /// True only when the condition certainly fails.
    pub fn is_false(self) -> bool {
        self == Truth::False
    }
}

/// Where evaluation finds answers. The validator's resolver also knows which questions are
/// relevant (an irrelevant question's answer reads as missing); a plain answers map is a
/// resolver too, with every question relevant.
pub trait Resolve {
    /// The answer a reference stands for, or `None` when unanswered or not relevant.
    fn resolve(&self, reference: &Ref) -> Option<&Value>;
}

impl<A: super::Answers + ?Sized> Resolve for A {
    fn resolve(&self, reference: &Ref) -> Option<&Value> {
        self.answer(&reference.path)
    }
}

impl Condition {
    /// Parses a condition. The tree is unbound: references are looked up by path.
    pub fn parse(source: &str) -> Result<Condition, SyntaxError> {
        let tokens = lex(source)?;
        let mut parser = Parser {
            source,
            tokens,
            at: 0,
            depth: 0,
        };
        let root = parser.or()?;
        match parser.peek() {
            Tok::End => Ok(Condition {
                source: source.to_owned(),
                root,
            }),
            other => Err(parser.error_at(
                parser.pos(),
                format!(
                    "expected an operator or the end, found {}",
                    other.describe()
                ),
            )),
        }
    }

    /// The condition as written in the form.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The syntax tree.
    pub fn root(&self) -> &Node {
        &self.root
    }

    /// Every reference in the condition, in source order.
    pub fn references(&self) -> Vec<&Ref> {
        let mut out = Vec::new();
        self.root.walk(&mut |node| {
            if let Expr::Ref(r) = &node.expr {
                out.push(r);
            }
        });
        out
    }

    /// 1-based character column of a byte offset into the source, for error messages.
    pub fn column(&self, pos: usize) -> usize {
        column(&self.source, pos)
    }

    /// Evaluates the condition on `today` against the answers `resolver` gives.
    pub fn eval(&self, resolver: &dyn Resolve, today: NaiveDate) -> Truth {
        let env = Eval { resolver, today };
        match env.eval(&self.root) {
            Val::Bool(true) => Truth::True,
            Val::Bool(false) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    /// Binds every reference with `bind` and checks that the condition is a well-typed yes/no
    /// question. Used by the form loader.
    pub(crate) fn bind(&mut self, bind: &mut dyn FnMut(&str) -> Binding) -> Result<(), BindError> {
        let pos = self.root.pos;
        let ty = check(&mut self.root, bind)?.ty;
        if ty == Ty::Bool {
            Ok(())
        } else {
            Err(BindError::Invalid {
                pos,
                reason: format!("a condition must be true or false, not {}", ty.name()),
            })
        }
    }
}

pub(super) fn column(source: &str, pos: usize) -> usize {
    source
        .get(..pos)
        .map_or(source.chars().count(), |head| head.chars().count())
        + 1
}

/// A date literal or answer: exactly `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    // Exactly YYYY-MM-DD: chrono alone would also take "2026-1-5".
    if text.len() != 10 {
        return None;
    }
    crate::calendar::parse_ymd(text)
}

/// A language level's place on the scale (`none` is 0).
fn level_rank(text: &str) -> Option<usize> {
    LANGUAGE_LEVELS.iter().position(|l| *l == text)
}

#[cfg(test)]
mod tests;
