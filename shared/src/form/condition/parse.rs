//! The parser: tokens to a syntax tree by recursive descent, one method per grammar rule (see
//! the grammar in the module header of `condition`), nesting at most `MAX_DEPTH` deep.

use super::lex::Tok;
use super::{BinOp, CmpOp, Expr, Func, MAX_DEPTH, Node, Ref, SyntaxError, Target, column};

pub(super) struct Parser<'s> {
    pub(super) source: &'s str,
    pub(super) tokens: Vec<(Tok, usize)>,
    pub(super) at: usize,
    pub(super) depth: usize,
}

impl Parser<'_> {
    pub(super) fn peek(&self) -> &Tok {
        self.tokens.get(self.at).map_or(&Tok::End, |(t, _)| t)
    }

    pub(super) fn pos(&self) -> usize {
        self.tokens
            .get(self.at)
            .map_or(self.source.len(), |(_, p)| *p)
    }

    pub(super) fn next(&mut self) -> (Tok, usize) {
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

    pub(super) fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Tok::Op(o) if *o == op) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    pub(super) fn expect(&mut self, op: &str) -> Result<(), SyntaxError> {
        if self.eat(op) {
            Ok(())
        } else {
            let found = self.peek().describe();
            Err(self.error_at(self.pos(), format!("expected `{op}`, found {found}")))
        }
    }

    pub(super) fn error_at(&self, pos: usize, reason: String) -> SyntaxError {
        SyntaxError {
            column: column(self.source, pos),
            reason,
        }
    }

    pub(super) fn nest(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error_at(self.pos(), "condition is nested too deeply".to_owned()))
        } else {
            Ok(())
        }
    }

    pub(super) fn binary(
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

    pub(super) fn or(&mut self) -> Result<Node, SyntaxError> {
        self.nest()?;
        let node = self.binary(&[("||", BinOp::Or)], Self::and);
        self.depth -= 1;
        node
    }

    pub(super) fn and(&mut self) -> Result<Node, SyntaxError> {
        self.binary(&[("&&", BinOp::And)], Self::cmp)
    }

    pub(super) fn cmp_op(&self) -> Option<CmpOp> {
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

    pub(super) fn cmp(&mut self) -> Result<Node, SyntaxError> {
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

    pub(super) fn list(&mut self) -> Result<Node, SyntaxError> {
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

    pub(super) fn sum(&mut self) -> Result<Node, SyntaxError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::unary)
    }

    pub(super) fn unary(&mut self) -> Result<Node, SyntaxError> {
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

    pub(super) fn primary(&mut self) -> Result<Node, SyntaxError> {
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
