//! `POST /v1/summary.pdf` over real HTTP (docs/API-EXTENSIONS.md): the summary's words set on
//! A4 pages and sent back as a PDF file, to an applicant only; what no app sends is a 400 with
//! the JSON body, never a 500.

use kosh_tests::TestServer;
use serde_json::{Value, json};

fn summary() -> Value {
    json!({"title": "Өтінім туралы қысқаша мәлімет", "parts": [
        {"lang": "kk", "blocks": [
            {"style": "title", "text": "Өтінім туралы қысқаша мәлімет"},
            {"style": "quiet", "text": "2026 жылғы 4 желтоқсан"},
            {"style": "heading", "text": "Жауаптар"},
            {"style": "answer", "label": "Тегі", "text": "Нұрғалиқызы"},
            {"style": "item", "text": "• Төлқұжат — дайын"},
            {"style": "strong", "text": "Бұл алдын ала есеп, шешім емес."}
        ]},
        {"lang": "ru", "blocks": [
            {"style": "title", "text": "Сводка заявления"},
            {"style": "answer", "label": "Фамилия", "text": "Нұрғалиқызы"}
        ]}
    ]})
}

#[tokio::test]
async fn an_applicant_gets_the_summary_as_a_pdf_file() {
    let server = TestServer::start().await;
    let token = server.register("pdf@example.kz").await.access_token;
    let resp = reqwest::Client::new()
        .post(server.url("/v1/summary.pdf"))
        .bearer_auth(&token)
        .json(&summary())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    assert_eq!(
        resp.headers()["content-disposition"],
        "attachment; filename=\"kosh-summary.pdf\""
    );
    let pdf = resp.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    assert!(
        pdf.trim_ascii_end().ends_with(b"%%EOF"),
        "a whole file, not a cut one"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_summary_is_refused_to_strangers_and_for_what_no_app_sends() {
    let server = TestServer::start().await;
    let (status, body) = server.post("/v1/summary.pdf", None, summary()).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("unauthorized"))
    );

    let token = server.register("pdf-bad@example.kz").await.access_token;
    let bad = [
        json!({"title": "t", "parts": []}),
        json!({"title": "t", "parts": [{"lang": "kk", "blocks": [{"style": "poster", "text": "x"}]}]}),
        json!({"title": "t", "parts": [{"lang": "kk", "blocks": [], "colour": "red"}]}),
        json!({"title": "t", "parts": [{"lang": "kk", "blocks": [{"style": "text", "text": "ә".repeat(4001)}]}]}),
        json!({"title": "t", "parts": (0..5).map(|_| json!({"lang": "kk", "blocks": []})).collect::<Vec<_>>()}),
        json!({"parts": "kk"}),
    ];
    for body in bad {
        let (status, answer) = server
            .post("/v1/summary.pdf", Some(&token), body.clone())
            .await;
        assert_eq!(
            (status, answer["error"]["code"].as_str()),
            (400, Some("bad_request")),
            "{body}: {answer}"
        );
    }
    server.stop().await;
}
