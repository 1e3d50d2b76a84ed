//! Binding and type checking: every reference is resolved to its question (through the form's
//! binder), and every operator and function is checked against the types of its operands, once,
//! when the form loads, so evaluation never meets a name or a type it does not expect.

use super::{BinOp, CmpOp, Expr, Func, Node, Target, level_rank, parse_date};
use crate::form::{Kind, LANGUAGE_LEVELS};

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
pub(super) enum Ty {
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
    pub(super) fn of(kind: Kind) -> Ty {
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

    pub(super) fn name(self) -> &'static str {
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

pub(super) struct Typed<'n> {
    pub(super) ty: Ty,
    /// The literal text, when the node is a string literal.
    pub(super) literal: Option<&'n str>,
    /// The allowed values, when the node is a reference to a choice question.
    pub(super) options: Option<Vec<String>>,
}

impl Typed<'_> {
    pub(super) fn plain(ty: Ty) -> Self {
        Typed {
            ty,
            literal: None,
            options: None,
        }
    }
}

pub(super) fn invalid(pos: usize, reason: String) -> BindError {
    BindError::Invalid { pos, reason }
}

pub(super) fn check<'n>(
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
pub(super) fn check_literal_option(a: &Typed, b: &Typed, pos: usize) -> Result<(), BindError> {
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

pub(super) fn check_compare(op: CmpOp, a: &Typed, b: &Typed, pos: usize) -> Result<(), BindError> {
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
