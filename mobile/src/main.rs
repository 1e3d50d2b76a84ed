//! Starts the app on whichever platform the build's feature picked (web, desktop, mobile).
#![forbid(unsafe_code)]

fn main() {
    kosh_mobile::launch();
}
