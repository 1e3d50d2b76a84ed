//! (being written: see the workspace issue)
