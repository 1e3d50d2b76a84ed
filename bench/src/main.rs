//! kosh-bench: Kosh's sync path against the limit and a peer (being written: issue 7).
#![forbid(unsafe_code)]

fn main() {}
