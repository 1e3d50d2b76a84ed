//! Kosh, the app.
#![forbid(unsafe_code)]
