//! Every word Kosh shows a person, in every language it speaks.
#![forbid(unsafe_code)]
