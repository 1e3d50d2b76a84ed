//! Kosh's sync server.
#![forbid(unsafe_code)]
