//! Helpers for Kosh's end-to-end tests.
#![forbid(unsafe_code)]
