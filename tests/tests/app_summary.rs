//! The native app's summary as a PDF file against the real server: the app writes the blocks
//! from its own summary (`summary_pdf::request_body`), the server sets them, and the file that
//! comes back is a PDF with both languages' words in it; without an account nothing is sent.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use kosh_mobile::AppError;
use kosh_mobile::server::Server;
use kosh_mobile::store::MemoryStore;
use kosh_mobile::store::vault::Vault;
use kosh_mobile::summary_pdf;
use kosh_mobile::sync::{self, now_ms};
use kosh_mobile::view::summary::summary;
use kosh_shared::form::residence_2026;
use kosh_shared::policy::Policy;
use kosh_tests::TestServer;

fn parts() -> Vec<kosh_mobile::view::summary::SummaryPart> {
    let form = residence_2026().unwrap();
    let mut answers = form.example_answers();
    answers.insert("personal.surname".into(), "Нұрғалиқызы".into());
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    summary(form, Policy::builtin().unwrap(), &answers, today, None)
}

#[tokio::test]
async fn the_native_app_gets_its_summary_as_a_pdf_file() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = RefCell::new(Vault::open(Rc::new(MemoryStore::new()), now_ms()).unwrap());
    sync::sign_in(
        &client,
        &phone,
        "pdf@mail.kz",
        "correct horse battery",
        true,
    )
    .await
    .unwrap();
    let parts = parts();
    let body = summary_pdf::request_body("Kosh", &parts);
    let blocks = body["parts"][0]["blocks"].as_array().unwrap();
    assert!(
        blocks
            .iter()
            .any(|b| b["style"] == "answer" && b["text"] == "Нұрғалиқызы"),
        "the answer is among the blocks"
    );
    assert_eq!(body["parts"][1]["lang"], "ru");

    let pdf = summary_pdf::make(&client, &phone, "Kosh", &parts)
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
}

#[tokio::test]
async fn without_an_account_the_native_app_sends_nothing() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = RefCell::new(Vault::open(Rc::new(MemoryStore::new()), now_ms()).unwrap());
    let made = summary_pdf::make(&client, &phone, "Kosh", &parts()).await;
    assert!(matches!(made, Err(AppError::SignedOut)), "{made:?}");
}
