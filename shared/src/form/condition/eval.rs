//! Evaluation: three-valued (Kleene) logic over the answers a [`Resolve`] gives, on one day.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde_json::Value;

use super::check::Ty;
use super::{BinOp, CmpOp, Expr, Func, Node, Resolve, level_rank, parse_date};
use crate::form::Kind;

/// A value during evaluation, borrowing from the answers and the tree.
#[derive(Debug, Clone, Copy)]
pub(super) enum Val<'a> {
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

/// Reads an answer the way its question's kind means it.
pub(super) fn read<'a>(value: &'a Value, kind: Option<Kind>) -> Val<'a> {
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

pub(super) struct Eval<'a> {
    pub(super) resolver: &'a dyn Resolve,
    pub(super) today: NaiveDate,
}

impl<'a> Eval<'a> {
    pub(super) fn eval(&self, node: &'a Node) -> Val<'a> {
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

pub(super) fn compare(op: CmpOp, a: Val<'_>, b: Val<'_>) -> Val<'static> {
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
