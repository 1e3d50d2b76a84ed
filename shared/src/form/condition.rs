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

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

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

impl fmt::Display for Condition {
    /// Prints the tree back with the fewest parentheses that keep its meaning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.root)
    }
}

impl Node {
    fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a Node)) {
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
                let sym = match op {
                    BinOp::And => "&&",
                    BinOp::Or => "||",
                    BinOp::Add => "+",
                    BinOp::Sub => "-",
                };
                // Left-associative: the right operand needs parentheses at equal strength.
                write_child(f, a, a.precedence() < own)?;
                write!(f, " {sym} ")?;
                write_child(f, b, b.precedence() <= own)
            }
            Expr::Compare(op, a, b) => {
                let sym = match op {
                    CmpOp::Eq => "==",
                    CmpOp::Ne => "!=",
                    CmpOp::Lt => "<",
                    CmpOp::Le => "<=",
                    CmpOp::Gt => ">",
                    CmpOp::Ge => ">=",
                };
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

fn column(source: &str, pos: usize) -> usize {
    source
        .get(..pos)
        .map_or(source.chars().count(), |head| head.chars().count())
        + 1
}

// ---------------------------------------------------------------------------------------------
// Lexing and parsing

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Number(f64),
    Text(String),
    Name(String),
    Op(&'static str),
    End,
}

impl Tok {
    fn describe(&self) -> String {
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
const OPERATORS: &[&str] = &[
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ",", "+", "-",
];

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn lex(source: &str) -> Result<Vec<(Tok, usize)>, SyntaxError> {
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

struct Parser<'s> {
    source: &'s str,
    tokens: Vec<(Tok, usize)>,
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Tok {
        self.tokens.get(self.at).map_or(&Tok::End, |(t, _)| t)
    }

    fn pos(&self) -> usize {
        self.tokens
            .get(self.at)
            .map_or(self.source.len(), |(_, p)| *p)
    }

    fn next(&mut self) -> (Tok, usize) {
        let token = self
            .tokens
            .get(self.at)
            .cloned()
            .unwrap_or((Tok::End, self.source.len()));
        if self.at < self.tokens.len() {
            self.at += 1;
        }
        token
    }

    fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Tok::Op(o) if *o == op) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, op: &str) -> Result<(), SyntaxError> {
        if self.eat(op) {
            Ok(())
        } else {
            let found = self.peek().describe();
            Err(self.error_at(self.pos(), format!("expected `{op}`, found {found}")))
        }
    }

    fn error_at(&self, pos: usize, reason: String) -> SyntaxError {
        SyntaxError {
            column: column(self.source, pos),
            reason,
        }
    }

    fn nest(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error_at(self.pos(), "condition is nested too deeply".to_owned()))
        } else {
            Ok(())
        }
    }

    fn binary(
        &mut self,
        ops: &[(&str, BinOp)],
        operand: fn(&mut Self) -> Result<Node, SyntaxError>,
    ) -> Result<Node, SyntaxError> {
        let mut left = operand(self)?;
        'outer: loop {
            for (sym, op) in ops {
                if self.eat(sym) {
                    let right = operand(self)?;
                    let pos = left.pos;
                    left = Node {
                        expr: Expr::Binary(*op, Box::new(left), Box::new(right)),
                        pos,
                    };
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn or(&mut self) -> Result<Node, SyntaxError> {
        self.nest()?;
        let node = self.binary(&[("||", BinOp::Or)], Self::and);
        self.depth -= 1;
        node
    }

    fn and(&mut self) -> Result<Node, SyntaxError> {
        self.binary(&[("&&", BinOp::And)], Self::cmp)
    }

    fn cmp_op(&self) -> Option<CmpOp> {
        match self.peek() {
            Tok::Op("==") => Some(CmpOp::Eq),
            Tok::Op("!=") => Some(CmpOp::Ne),
            Tok::Op("<") => Some(CmpOp::Lt),
            Tok::Op("<=") => Some(CmpOp::Le),
            Tok::Op(">") => Some(CmpOp::Gt),
            Tok::Op(">=") => Some(CmpOp::Ge),
            _ => None,
        }
    }

    fn cmp(&mut self) -> Result<Node, SyntaxError> {
        let left = self.sum()?;
        let pos = left.pos;
        let node = if let Some(op) = self.cmp_op() {
            self.at += 1;
            let right = self.sum()?;
            Node {
                expr: Expr::Compare(op, Box::new(left), Box::new(right)),
                pos,
            }
        } else if matches!(self.peek(), Tok::Name(n) if n == "in") {
            self.at += 1;
            let right = if matches!(self.peek(), Tok::Op("[")) {
                self.list()?
            } else {
                self.sum()?
            };
            Node {
                expr: Expr::In(Box::new(left), Box::new(right)),
                pos,
            }
        } else {
            return Ok(left);
        };
        if self.cmp_op().is_some() || matches!(self.peek(), Tok::Name(n) if n == "in") {
            return Err(self.error_at(
                self.pos(),
                "comparisons do not chain: join them with `&&`".to_owned(),
            ));
        }
        Ok(node)
    }

    fn list(&mut self) -> Result<Node, SyntaxError> {
        let pos = self.pos();
        self.expect("[")?;
        let mut items = Vec::new();
        if !self.eat("]") {
            loop {
                items.push(self.or()?);
                if self.eat("]") {
                    break;
                }
                self.expect(",")?;
            }
        }
        Ok(Node {
            expr: Expr::List(items),
            pos,
        })
    }

    fn sum(&mut self) -> Result<Node, SyntaxError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::unary)
    }

    fn unary(&mut self) -> Result<Node, SyntaxError> {
        let pos = self.pos();
        let wrap: fn(Box<Node>) -> Expr = if self.eat("!") {
            Expr::Not
        } else if self.eat("-") {
            Expr::Neg
        } else {
            return self.primary();
        };
        self.nest()?;
        let operand = self.unary();
        self.depth -= 1;
        Ok(Node {
            expr: wrap(Box::new(operand?)),
            pos,
        })
    }

    fn primary(&mut self) -> Result<Node, SyntaxError> {
        let (token, pos) = self.next();
        let expr = match token {
            Tok::Number(n) => Expr::Number(n),
            Tok::Text(s) => Expr::Text(s),
            Tok::Name(name) if name == "true" => Expr::Bool(true),
            Tok::Name(name) if name == "false" => Expr::Bool(false),
            Tok::Name(name) if name == "in" => {
                return Err(self.error_at(pos, "expected a value, found `in`".to_owned()));
            }
            Tok::Name(name) if matches!(self.peek(), Tok::Op("(")) => {
                let func = match name.as_str() {
                    "age" => Func::Age,
                    "today" => Func::Today,
                    "count" => Func::Count,
                    _ => {
                        return Err(self.error_at(
                            pos,
                            format!("unknown function `{name}` (known: age, today, count)"),
                        ));
                    }
                };
                self.at += 1;
                let mut args = Vec::new();
                if !self.eat(")") {
                    loop {
                        args.push(self.or()?);
                        if self.eat(")") {
                            break;
                        }
                        self.expect(",")?;
                    }
                }
                if args.len() != func.arity() {
                    return Err(self.error_at(
                        pos,
                        format!(
                            "{}() takes {} argument(s), not {}",
                            func.name(),
                            func.arity(),
                            args.len()
                        ),
                    ));
                }
                Expr::Call(func, args)
            }
            Tok::Name(path) => Expr::Ref(Ref {
                path,
                target: Target::Unbound,
            }),
            Tok::Op("(") => {
                let inner = self.or()?;
                self.expect(")")?;
                return Ok(inner);
            }
            other => {
                return Err(
                    self.error_at(pos, format!("expected a value, found {}", other.describe()))
                );
            }
        };
        Ok(Node { expr, pos })
    }
}

// ---------------------------------------------------------------------------------------------
// Binding and type checking

/// What the form tells the binder about one reference.
pub(crate) enum Binding {
    /// A question the condition may use: its target and, for choice questions, the allowed
    /// values.
    Ok(Target, Option<Vec<String>>),
    /// No such question.
    Unknown,
    /// A question the condition may not use here, and why.
    Invalid(String),
}

/// Why a condition does not fit its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BindError {
    UnknownReference { reference: String, pos: usize },
    Invalid { pos: usize, reason: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Bool,
    Number,
    Text,
    Date,
    Level,
    /// The choices of a multi-choice answer.
    Choices,
    /// The rows of a repeat group.
    Rows,
}

impl Ty {
    fn of(kind: Kind) -> Ty {
        match kind {
            Kind::YesNo => Ty::Bool,
            Kind::Number => Ty::Number,
            Kind::Date => Ty::Date,
            Kind::LanguageLevel => Ty::Level,
            Kind::MultiChoice => Ty::Choices,
            Kind::Repeat => Ty::Rows,
            Kind::Text
            | Kind::SingleChoice
            | Kind::Country
            | Kind::Region
            | Kind::Email
            | Kind::Phone => Ty::Text,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Ty::Bool => "a yes/no value",
            Ty::Number => "a number",
            Ty::Text => "text",
            Ty::Date => "a date",
            Ty::Level => "a language level",
            Ty::Choices => "a list of choices",
            Ty::Rows => "a repeat group",
        }
    }
}

struct Typed<'n> {
    ty: Ty,
    /// The literal text, when the node is a string literal.
    literal: Option<&'n str>,
    /// The allowed values, when the node is a reference to a choice question.
    options: Option<Vec<String>>,
}

impl Typed<'_> {
    fn plain(ty: Ty) -> Self {
        Typed {
            ty,
            literal: None,
            options: None,
        }
    }
}

fn invalid(pos: usize, reason: String) -> BindError {
    BindError::Invalid { pos, reason }
}

fn check<'n>(
    node: &'n mut Node,
    bind: &mut dyn FnMut(&str) -> Binding,
) -> Result<Typed<'n>, BindError> {
    let pos = node.pos;
    let expect = |t: &Typed, want: Ty, what: &str| {
        if t.ty == want {
            Ok(())
        } else {
            Err(invalid(
                pos,
                format!("{what} needs {}, not {}", want.name(), t.ty.name()),
            ))
        }
    };
    match &mut node.expr {
        Expr::Number(_) => Ok(Typed::plain(Ty::Number)),
        Expr::Bool(_) => Ok(Typed::plain(Ty::Bool)),
        Expr::Text(s) => Ok(Typed {
            ty: Ty::Text,
            literal: Some(s.as_str()),
            options: None,
        }),
        Expr::Ref(r) => match bind(&r.path) {
            Binding::Ok(target, options) => {
                r.target = target;
                let ty = target.kind().map_or(Ty::Text, Ty::of);
                Ok(Typed {
                    ty,
                    literal: None,
                    options,
                })
            }
            Binding::Unknown => Err(BindError::UnknownReference {
                reference: r.path.clone(),
                pos,
            }),
            Binding::Invalid(reason) => Err(invalid(pos, reason)),
        },
        Expr::Not(x) => {
            let t = check(x, bind)?;
            expect(&t, Ty::Bool, "`!`")?;
            Ok(Typed::plain(Ty::Bool))
        }
        Expr::Neg(x) => {
            let t = check(x, bind)?;
            expect(&t, Ty::Number, "`-`")?;
            Ok(Typed::plain(Ty::Number))
        }
        Expr::Binary(op, a, b) => {
            let (want, what) = match op {
                BinOp::And => (Ty::Bool, "`&&`"),
                BinOp::Or => (Ty::Bool, "`||`"),
                BinOp::Add => (Ty::Number, "`+`"),
                BinOp::Sub => (Ty::Number, "`-`"),
            };
            let ta = check(a, bind)?;
            expect(&ta, want, what)?;
            let tb = check(b, bind)?;
            expect(&tb, want, what)?;
            Ok(Typed::plain(want))
        }
        Expr::Compare(op, a, b) => {
            let op = *op;
            let ta = check(a, bind)?;
            let tb = check(b, bind)?;
            check_compare(op, &ta, &tb, pos)?;
            Ok(Typed::plain(Ty::Bool))
        }
        Expr::In(a, b) => {
            let ta = check(a, bind)?;
            let tb_pos = b.pos;
            if let Expr::List(items) = &mut b.expr {
                for item in items.iter_mut() {
                    let item_pos = item.pos;
                    let ti = check(item, bind)?;
                    check_compare(CmpOp::Eq, &ta, &ti, item_pos)?;
                }
            } else {
                let tb = check(b, bind)?;
                if tb.ty != Ty::Choices {
                    return Err(invalid(
                        tb_pos,
                        format!(
                            "`in` needs a [..] list or a multi-choice question, not {}",
                            tb.ty.name()
                        ),
                    ));
                }
                expect(&ta, Ty::Text, "`in` a multi-choice question")?;
                check_literal_option(&ta, &tb, pos)?;
            }
            Ok(Typed::plain(Ty::Bool))
        }
        Expr::List(_) => Err(invalid(pos, "a [..] list may only follow `in`".to_owned())),
        Expr::Call(func, args) => {
            let func = *func;
            let mut types = Vec::with_capacity(args.len());
            for arg in args.iter_mut() {
                let t = check(arg, bind)?;
                types.push((t.ty, t.literal.map(str::to_owned)));
            }
            match (func, types.as_slice()) {
                (Func::Today, []) => Ok(Typed::plain(Ty::Date)),
                (Func::Age, [(Ty::Date, _)]) => Ok(Typed::plain(Ty::Number)),
                (Func::Age, [(Ty::Text, Some(lit))]) if parse_date(lit).is_some() => {
                    Ok(Typed::plain(Ty::Number))
                }
                (Func::Count, [(Ty::Choices | Ty::Rows, _)]) => Ok(Typed::plain(Ty::Number)),
                (Func::Age, _) => Err(invalid(pos, "age() needs a date".to_owned())),
                (Func::Count, _) => Err(invalid(
                    pos,
                    "count() needs a repeat group or a multi-choice question".to_owned(),
                )),
                (Func::Today, _) => Err(invalid(pos, "today() takes no argument".to_owned())),
            }
        }
    }
}

/// A string literal compared with a choice question must be one of its options: this catches
/// `education.level == "bachelors"` when the form loads, not when nobody sees the question.
fn check_literal_option(a: &Typed, b: &Typed, pos: usize) -> Result<(), BindError> {
    for (lit, opts) in [(a, b), (b, a)] {
        if let (Some(literal), Some(options)) = (lit.literal, &opts.options)
            && !options.iter().any(|o| o == literal)
        {
            return Err(invalid(
                pos,
                format!(
                    "{literal:?} is not one of the options ({})",
                    options.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

fn check_compare(op: CmpOp, a: &Typed, b: &Typed, pos: usize) -> Result<(), BindError> {
    let ordering = !matches!(op, CmpOp::Eq | CmpOp::Ne);
    let mismatch = || {
        Err(invalid(
            pos,
            format!("cannot compare {} with {}", a.ty.name(), b.ty.name()),
        ))
    };
    match (a.ty, b.ty) {
        (Ty::Text, Ty::Text) => {
            if ordering {
                return Err(invalid(
                    pos,
                    "text can only be compared with == or !=".to_owned(),
                ));
            }
            check_literal_option(a, b, pos)
        }
        (Ty::Date, Ty::Text) | (Ty::Text, Ty::Date) => {
            let text = if a.ty == Ty::Text { a } else { b };
            match text.literal {
                Some(lit) if parse_date(lit).is_some() => Ok(()),
                Some(lit) => Err(invalid(pos, format!("{lit:?} is not a date (YYYY-MM-DD)"))),
                None => mismatch(),
            }
        }
        (Ty::Level, Ty::Text) | (Ty::Text, Ty::Level) => {
            let text = if a.ty == Ty::Text { a } else { b };
            match text.literal {
                Some(lit) if level_rank(lit).is_some() => Ok(()),
                Some(lit) => Err(invalid(
                    pos,
                    format!(
                        "{lit:?} is not a language level ({})",
                        LANGUAGE_LEVELS.join(", ")
                    ),
                )),
                None => mismatch(),
            }
        }
        (Ty::Number, Ty::Number) | (Ty::Date, Ty::Date) | (Ty::Level, Ty::Level) => Ok(()),
        (Ty::Bool, Ty::Bool) if !ordering => Ok(()),
        (Ty::Bool, Ty::Bool) => Err(invalid(
            pos,
            "yes/no values can only be compared with == or !=".to_owned(),
        )),
        _ => mismatch(),
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/// A value during evaluation, borrowing from the answers and the tree.
#[derive(Debug, Clone, Copy)]
enum Val<'a> {
    Unknown,
    Bool(bool),
    Number(f64),
    Text(&'a str),
    Date(NaiveDate),
    /// Index into [`LANGUAGE_LEVELS`], so levels order as CEFR does.
    Level(usize),
    /// A JSON array: the choices of a multi-choice answer or the rows of a repeat group.
    Array(&'a [Value]),
}

pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    // Exactly YYYY-MM-DD: chrono alone would also take "2026-1-5".
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn level_rank(text: &str) -> Option<usize> {
    LANGUAGE_LEVELS.iter().position(|l| *l == text)
}

/// Reads an answer the way its question's kind means it.
fn read<'a>(value: &'a Value, kind: Option<Kind>) -> Val<'a> {
    match (value, kind) {
        (Value::String(s), Some(Kind::Date)) => parse_date(s).map_or(Val::Unknown, Val::Date),
        (Value::String(s), Some(Kind::LanguageLevel)) => {
            level_rank(s).map_or(Val::Unknown, Val::Level)
        }
        (Value::Bool(b), None | Some(Kind::YesNo)) => Val::Bool(*b),
        (Value::Number(n), None | Some(Kind::Number)) => {
            n.as_f64().map_or(Val::Unknown, Val::Number)
        }
        (Value::Array(items), None | Some(Kind::MultiChoice | Kind::Repeat)) => Val::Array(items),
        (Value::String(s), None) => Val::Text(s),
        (Value::String(s), Some(k)) if Ty::of(k) == Ty::Text => Val::Text(s),
        // A value of the wrong type for its question reads as missing: validation reports it.
        _ => Val::Unknown,
    }
}

struct Eval<'a> {
    resolver: &'a dyn Resolve,
    today: NaiveDate,
}

impl<'a> Eval<'a> {
    fn eval(&self, node: &'a Node) -> Val<'a> {
        match &node.expr {
            Expr::Number(n) => Val::Number(*n),
            Expr::Text(s) => Val::Text(s),
            Expr::Bool(b) => Val::Bool(*b),
            Expr::Ref(r) => self
                .resolver
                .resolve(r)
                .map_or(Val::Unknown, |v| read(v, r.target.kind())),
            Expr::Not(x) => match self.eval(x) {
                Val::Bool(b) => Val::Bool(!b),
                _ => Val::Unknown,
            },
            Expr::Neg(x) => match self.eval(x) {
                Val::Number(n) => Val::Number(-n),
                _ => Val::Unknown,
            },
            Expr::Binary(BinOp::And, a, b) => match (self.eval(a), self.eval(b)) {
                (Val::Bool(false), _) | (_, Val::Bool(false)) => Val::Bool(false),
                (Val::Bool(true), Val::Bool(true)) => Val::Bool(true),
                _ => Val::Unknown,
            },
            Expr::Binary(BinOp::Or, a, b) => match (self.eval(a), self.eval(b)) {
                (Val::Bool(true), _) | (_, Val::Bool(true)) => Val::Bool(true),
                (Val::Bool(false), Val::Bool(false)) => Val::Bool(false),
                _ => Val::Unknown,
            },
            Expr::Binary(op @ (BinOp::Add | BinOp::Sub), a, b) => {
                match (self.eval(a), self.eval(b)) {
                    (Val::Number(x), Val::Number(y)) => {
                        Val::Number(if *op == BinOp::Add { x + y } else { x - y })
                    }
                    _ => Val::Unknown,
                }
            }
            Expr::Compare(op, a, b) => compare(*op, self.eval(a), self.eval(b)),
            Expr::In(a, b) => {
                let needle = self.eval(a);
                if matches!(needle, Val::Unknown) {
                    return Val::Unknown;
                }
                let mut unknown = false;
                let mut hit = |v: Val<'a>| match compare(CmpOp::Eq, needle, v) {
                    Val::Bool(true) => true,
                    Val::Bool(false) => false,
                    _ => {
                        unknown = true;
                        false
                    }
                };
                let found = match &b.expr {
                    Expr::List(items) => items.iter().any(|item| hit(self.eval(item))),
                    _ => match self.eval(b) {
                        Val::Array(values) => values.iter().any(|v| hit(read(v, None))),
                        _ => return Val::Unknown,
                    },
                };
                if found {
                    Val::Bool(true)
                } else if unknown {
                    Val::Unknown
                } else {
                    Val::Bool(false)
                }
            }
            Expr::List(_) => Val::Unknown,
            Expr::Call(Func::Today, _) => Val::Date(self.today),
            Expr::Call(Func::Age, args) => {
                let born = match args.first().map(|a| self.eval(a)) {
                    Some(Val::Date(d)) => d,
                    Some(Val::Text(s)) => match parse_date(s) {
                        Some(d) => d,
                        None => return Val::Unknown,
                    },
                    _ => return Val::Unknown,
                };
                // A birth date after today has no age yet; validation reports the date itself.
                self.today
                    .years_since(born)
                    .map_or(Val::Unknown, |years| Val::Number(f64::from(years)))
            }
            Expr::Call(Func::Count, args) => match args.first() {
                Some(arg) => match self.eval(arg) {
                    Val::Array(items) => Val::Number(items.len() as f64),
                    // Nothing added yet is zero rows, which is what a rule about counts means.
                    Val::Unknown => Val::Number(0.0),
                    _ => Val::Unknown,
                },
                None => Val::Unknown,
            },
        }
    }
}

fn compare(op: CmpOp, a: Val<'_>, b: Val<'_>) -> Val<'static> {
    let order = match (a, b) {
        (Val::Unknown, _) | (_, Val::Unknown) => return Val::Unknown,
        (Val::Number(x), Val::Number(y)) => x.partial_cmp(&y),
        (Val::Date(x), Val::Date(y)) => Some(x.cmp(&y)),
        (Val::Date(x), Val::Text(s)) => parse_date(s).map(|y| x.cmp(&y)),
        (Val::Text(s), Val::Date(y)) => parse_date(s).map(|x| x.cmp(&y)),
        (Val::Level(x), Val::Level(y)) => Some(x.cmp(&y)),
        (Val::Level(x), Val::Text(s)) => level_rank(s).map(|y| x.cmp(&y)),
        (Val::Text(s), Val::Level(y)) => level_rank(s).map(|x| x.cmp(&y)),
        (Val::Text(x), Val::Text(y)) => Some(x.cmp(y)),
        (Val::Bool(x), Val::Bool(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => Some(x.cmp(&y)),
        _ => None,
    };
    let Some(order) = order else {
        // Values of different types are simply not equal; they have no order.
        return match op {
            CmpOp::Eq => Val::Bool(false),
            CmpOp::Ne => Val::Bool(true),
            _ => Val::Unknown,
        };
    };
    Val::Bool(match op {
        CmpOp::Eq => order == Ordering::Equal,
        CmpOp::Ne => order != Ordering::Equal,
        CmpOp::Lt => order == Ordering::Less,
        CmpOp::Le => order != Ordering::Greater,
        CmpOp::Gt => order == Ordering::Greater,
        CmpOp::Ge => order != Ordering::Less,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    /// The tree with every operation in parentheses, to see how the parser grouped it.
    fn grouped(node: &Node) -> String {
        match &node.expr {
            Expr::Not(x) => format!("(!{})", grouped(x)),
            Expr::Neg(x) => format!("(-{})", grouped(x)),
            Expr::Binary(op, a, b) => {
                let sym = match op {
                    BinOp::And => "&&",
                    BinOp::Or => "||",
                    BinOp::Add => "+",
                    BinOp::Sub => "-",
                };
                format!("({} {sym} {})", grouped(a), grouped(b))
            }
            Expr::Compare(..) | Expr::In(..) => format!("({node})"),
            _ => node.to_string(),
        }
    }

    fn eval(source: &str, answers: serde_json::Value) -> Truth {
        let answers: BTreeMap<String, Value> = serde_json::from_value(answers).unwrap();
        Condition::parse(source)
            .unwrap()
            .eval(&answers, day("2026-03-01"))
    }

    #[rstest]
    #[case::and_binds_tighter_than_or("a.b || c.d && e.f", "(a.b || (c.d && e.f))")]
    #[case::not_binds_tightest("!a.b && c.d", "((!a.b) && c.d)")]
    #[case::or_is_left_associative("a.b || c.d || e.f", "((a.b || c.d) || e.f)")]
    #[case::parentheses_win("(a.b || c.d) && e.f", "((a.b || c.d) && e.f)")]
    #[case::sums_before_comparison("a.x + 1 < 3 - b.y", "(a.x + 1 < 3 - b.y)")]
    #[case::minus_is_left_associative("1 - 2 - 3 == 0", "(1 - 2 - 3 == 0)")]
    #[case::in_list_inside_and("a.b in [1, 2] && c.d", "((a.b in [1, 2]) && c.d)")]
    #[case::negated_group("!(a.b == 1) || c.d", "((!(a.b == 1)) || c.d)")]
    fn precedence(#[case] source: &str, #[case] expected: &str) {
        let condition = Condition::parse(source).unwrap();
        assert_eq!(grouped(condition.root()), expected);
    }

    #[rstest]
    #[case::missing_operand("a.b ==", 7, "expected a value")]
    #[case::single_equals("a.b = 1", 5, "compare with `==`")]
    #[case::unclosed_parenthesis("(a.b == 1", 10, "expected `)`")]
    #[case::chained_comparison("a.b == 1 == 2", 10, "do not chain")]
    #[case::unknown_function("foo(1) == 1", 1, "unknown function `foo`")]
    #[case::wrong_arity("age() > 3", 1, "takes 1 argument")]
    #[case::unclosed_string("\"abc", 1, "not closed")]
    #[case::dangling_dot("a. == 1", 2, "after `.`")]
    #[case::trailing_word("a.b == 1 c", 10, "expected an operator")]
    #[case::columns_count_characters("'қазақ' ==", 11, "expected a value")]
    #[case::bad_escape("'a\\n'", 3, "backslash")]
    #[case::in_without_value("in == 1", 1, "found `in`")]
    fn syntax_errors_say_where(#[case] source: &str, #[case] column: usize, #[case] says: &str) {
        let err = Condition::parse(source).unwrap_err();
        assert_eq!(err.column, column, "{err:?}");
        assert!(err.reason.contains(says), "{err:?}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let source = format!("{}true{}", "(".repeat(500), ")".repeat(500));
        let err = Condition::parse(&source).unwrap_err();
        assert!(err.reason.contains("too deeply"));
        let source = format!("{}true", "!".repeat(500));
        assert!(Condition::parse(&source).is_err());
    }

    #[rstest]
    #[case::equal_numbers("a.n == 3", Truth::True)]
    #[case::number_order("a.n > 2.5 && a.n <= 3", Truth::True)]
    #[case::text_in_list("a.t in [\"x\", \"y\"]", Truth::True)]
    #[case::text_not_in_list("a.t in [\"z\"]", Truth::False)]
    #[case::choice_in_answer("\"b\" in a.multi", Truth::True)]
    #[case::count_of_answer("count(a.multi) == 2", Truth::True)]
    #[case::count_of_missing_is_zero("count(a.none) == 0", Truth::True)]
    #[case::missing_compares_unknown("a.none == 1", Truth::Unknown)]
    #[case::not_unknown_is_unknown("!(a.none == 1)", Truth::Unknown)]
    #[case::false_and_unknown_is_false("a.n == 4 && a.none == 1", Truth::False)]
    #[case::true_or_unknown_is_true("a.none == 1 || a.yes == true", Truth::True)]
    #[case::different_types_are_unequal("a.t == 1", Truth::False)]
    #[case::different_types_differ("a.t != 1", Truth::True)]
    #[case::different_types_have_no_order("a.t < 1", Truth::Unknown)]
    #[case::dates_as_strings("a.d < \"2000-01-01\"", Truth::True)]
    #[case::age_in_whole_years("age(a.d) == 35", Truth::True)]
    #[case::today_is_passed_in("today() == \"2026-03-01\"", Truth::True)]
    #[case::arithmetic("age(a.d) - a.n == 32", Truth::True)]
    #[case::negation("-a.n < 0", Truth::True)]
    fn evaluation(#[case] source: &str, #[case] expected: Truth) {
        let answers = json!({"a.n": 3, "a.t": "x", "a.multi": ["a", "b"], "a.yes": true,
                             "a.d": "1990-05-14"});
        assert_eq!(eval(source, answers), expected);
    }

    #[rstest]
    #[case::day_before_birthday("2016-02-29", "2026-02-28", 9.0)]
    #[case::leap_birthday_counts_on_first_of_march("2016-02-29", "2026-03-01", 10.0)]
    #[case::on_birthday("1990-05-14", "2026-05-14", 36.0)]
    fn age_counts_whole_years(#[case] born: &str, #[case] on: &str, #[case] years: f64) {
        let answers: BTreeMap<String, Value> =
            serde_json::from_value(json!({"p.born": born})).unwrap();
        let condition = Condition::parse(&format!("age(p.born) == {years}")).unwrap();
        assert_eq!(condition.eval(&answers, day(on)), Truth::True);
    }

    #[test]
    fn age_of_a_future_date_is_unknown() {
        assert_eq!(
            eval("age(a.d) >= 0", json!({"a.d": "2030-01-01"})),
            Truth::Unknown
        );
        assert_eq!(
            eval("age(a.d) >= 0", json!({"a.d": "not a date"})),
            Truth::Unknown
        );
    }

    #[test]
    fn strings_may_use_either_quote_and_escapes() {
        let c = Condition::parse(r#"a.t == 'it\'s' || a.t == "say \"hi\"""#).unwrap();
        assert_eq!(c.to_string(), r#"a.t == "it's" || a.t == "say \"hi\"""#);
        assert_eq!(
            eval(r#"a.t == 'it\'s'"#, json!({"a.t": "it's"})),
            Truth::True
        );
    }

    #[test]
    fn references_are_listed_in_order() {
        let c = Condition::parse("a.b == 1 && count(c.d) > age(e.f)").unwrap();
        let paths: Vec<&str> = c.references().iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["a.b", "c.d", "e.f"]);
    }

    fn leaf() -> impl Strategy<Value = Node> {
        let node = |expr| Node { expr, pos: 0 };
        prop_oneof![
            (0u32..1000).prop_map(move |n| node(Expr::Number(f64::from(n) / 4.0))),
            "[a-z \"'\\\\қ]{0,6}".prop_map(move |s| node(Expr::Text(s))),
            any::<bool>().prop_map(move |b| node(Expr::Bool(b))),
            "[a-z][a-z_]{0,4}\\.[a-z][a-z0-9_]{0,4}".prop_map(move |path| node(Expr::Ref(Ref {
                path,
                target: Target::Unbound,
            }))),
            Just(node(Expr::Call(Func::Today, vec![]))),
        ]
    }

    fn tree() -> impl Strategy<Value = Node> {
        leaf().prop_recursive(5, 48, 4, |inner| {
            let node = |expr| Node { expr, pos: 0 };
            let cmp = prop_oneof![
                Just(CmpOp::Eq),
                Just(CmpOp::Ne),
                Just(CmpOp::Lt),
                Just(CmpOp::Le),
                Just(CmpOp::Gt),
                Just(CmpOp::Ge),
            ];
            let bin = prop_oneof![
                Just(BinOp::And),
                Just(BinOp::Or),
                Just(BinOp::Add),
                Just(BinOp::Sub),
            ];
            prop_oneof![
                inner
                    .clone()
                    .prop_map(move |x| node(Expr::Not(Box::new(x)))),
                inner
                    .clone()
                    .prop_map(move |x| node(Expr::Neg(Box::new(x)))),
                (bin, inner.clone(), inner.clone()).prop_map(move |(op, a, b)| node(Expr::Binary(
                    op,
                    Box::new(a),
                    Box::new(b)
                ))),
                (cmp, inner.clone(), inner.clone())
                    .prop_map(move |(op, a, b)| node(Expr::Compare(op, Box::new(a), Box::new(b)))),
                (inner.clone(), prop::collection::vec(inner.clone(), 0..3)).prop_map(
                    move |(a, items)| node(Expr::In(
                        Box::new(a),
                        Box::new(node(Expr::List(items)))
                    ))
                ),
                inner
                    .clone()
                    .prop_map(move |x| node(Expr::Call(Func::Age, vec![x]))),
                inner.prop_map(move |x| node(Expr::Call(Func::Count, vec![x]))),
            ]
        })
    }

    fn answer() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(|n| json!(n)),
            (-1e9f64..1e9).prop_map(|n| json!(n)),
            "[a-z0-9-]{0,10}".prop_map(Value::String),
            Just(json!("2016-02-29")),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop::collection::vec(inner, 0..3).prop_map(Value::Array)
        })
    }

    proptest! {
        /// Printing a tree and parsing the text gives the same tree back: the printer's
        /// parentheses match the parser's precedence.
        #[test]
        fn print_then_parse_is_identity(tree in tree()) {
            let text = tree.to_string();
            let back = Condition::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
            prop_assert_eq!(back.root(), &tree, "{}", text);
        }

        /// Evaluating any condition against any answers on any day returns, never panics.
        #[test]
        fn evaluation_is_total(
            tree in tree(),
            answers in prop::collection::btree_map("[a-z][a-z_]{0,4}\\.[a-z][a-z0-9_]{0,4}", answer(), 0..6),
            days in -50_000i64..50_000,
        ) {
            let condition = Condition::parse(&tree.to_string()).unwrap();
            let today = day("2000-01-01") + chrono::Duration::days(days);
            let _ = condition.eval(&answers, today);
        }

        /// No text makes the parser panic.
        #[test]
        fn parsing_never_panics(text in "\\PC{0,40}") {
            let _ = Condition::parse(&text);
        }
    }
}
