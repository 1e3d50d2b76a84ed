//! The summary to carry as a PDF file, shared from the phone: the print view's words go to the
//! server, which sets them on A4 pages with the app's font embedded (`POST /v1/summary.pdf`,
//! docs/API-EXTENSIONS.md), and the file goes to the phone's share sheet or its downloads.
//!
//! On the web the page does the reading, the request and the handing on (`web/summary-pdf.js`,
//! imported only when asked, so the first visit carries none of it); this side gives it a fresh
//! access token and reads its answer. The native builds, which have no page module to import,
//! write the same blocks from the summary itself ([`request_body`]), post them with reqwest and
//! keep the file in the downloads folder. Printing (and the print window's "save as PDF") needs
//! none of this and works offline.

use serde_json::{Value, json};

use crate::error::{AppError, AppResult};
use crate::server::Server;
use crate::sync::{VaultCell, with_token};
use crate::view::summary::SummaryPart;

/// The file's name on the phone.
pub const FILE_NAME: &str = "kosh-summary.pdf";

/// What became of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Handed to the app the person chose in the share sheet.
    Shared,
    /// Downloaded: the browser cannot share files.
    Saved,
    /// The person closed the share sheet.
    Cancelled,
}

/// Make the file of the summary on screen (`parts`), titled `title`, and hand it on.
#[cfg(target_arch = "wasm32")]
pub async fn share<V: VaultCell>(
    server: &Server,
    vault: &V,
    title: &str,
    _parts: &[SummaryPart],
) -> AppResult<Outcome> {
    // The page reads the same words from the screen: no second copy of them through the wasm.
    with_token(server, vault, async |token| {
        let answer = call(json!([token, title, FILE_NAME]))
            .await
            .map_err(AppError::File)?;
        read(&answer)
    })
    .await
}

/// Make the file of the summary `parts`, titled `title`, and keep it in the downloads folder.
#[cfg(not(target_arch = "wasm32"))]
pub async fn share<V: VaultCell>(
    server: &Server,
    vault: &V,
    title: &str,
    parts: &[SummaryPart],
) -> AppResult<Outcome> {
    let pdf = make(server, vault, title, parts).await?;
    crate::download::offer_bytes(FILE_NAME, &pdf)?;
    Ok(Outcome::Saved)
}

/// The PDF file of the summary `parts`, as the server sets it.
#[cfg(not(target_arch = "wasm32"))]
pub async fn make<V: VaultCell>(
    server: &Server,
    vault: &V,
    title: &str,
    parts: &[SummaryPart],
) -> AppResult<Vec<u8>> {
    let body = request_body(title, parts);
    with_token(server, vault, async |token| {
        let sent = server
            .request(reqwest::Method::POST, "/v1/summary.pdf")
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .map_err(|e| AppError::Offline(e.to_string()))?;
        let status = sent.status().as_u16();
        if !sent.status().is_success() {
            let text = sent.text().await.unwrap_or_default();
            return Err(crate::server::error_from(status, text));
        }
        let pdf = sent
            .bytes()
            .await
            .map_err(|e| AppError::Offline(format!("the PDF was cut: {e}")))?;
        Ok(pdf.to_vec())
    })
    .await
}

/// The summary as the blocks `POST /v1/summary.pdf` sets, in the order the print view shows
/// them (`pages::summary`; the web page reads the same from the screen).
#[cfg(not(target_arch = "wasm32"))]
pub fn request_body(title: &str, parts: &[SummaryPart]) -> Value {
    let block = |style: &str, text: &str| json!({"style": style, "text": text});
    let parts: Vec<Value> = parts
        .iter()
        .map(|part| {
            let mut blocks = vec![
                block("title", &part.title),
                block("quiet", &part.form_title),
                block("quiet", &part.made_on),
            ];
            if !part.sections.is_empty() {
                blocks.push(block("heading", &part.answers_title));
            }
            for section in &part.sections {
                blocks.push(block("subheading", &section.title));
                for line in &section.lines {
                    blocks
                        .push(json!({"style": "answer", "label": line.label, "text": line.value}));
                }
            }
            blocks.push(block("heading", &part.papers_title));
            blocks.push(block("strong", &part.papers.count));
            for group in &part.papers.groups {
                blocks.push(block("subheading", &group.title));
                for item in &group.items {
                    let standing = if item.done {
                        &part.ready
                    } else {
                        &part.not_ready
                    };
                    let note = item
                        .date_note
                        .as_ref()
                        .map(|n| format!(" · {n}"))
                        .unwrap_or_default();
                    blocks.push(block(
                        "item",
                        &format!("• {} — {standing}{note}", item.title),
                    ));
                }
            }
            let score = &part.score;
            blocks.push(block("heading", &part.score_title));
            for text in [score.total.as_ref(), Some(&score.pass_mark)]
                .into_iter()
                .chain([
                    score.verdict.as_ref().map(|(v, _)| v),
                    score.not_published.as_ref(),
                ])
                .flatten()
            {
                blocks.push(block("text", text));
            }
            for c in &score.criteria {
                let points = c
                    .points
                    .as_ref()
                    .map(|(p, _)| format!(" ({p})"))
                    .unwrap_or_default();
                blocks.push(block(
                    "item",
                    &format!("• {}: {}{points}", c.name, c.standing_words),
                ));
            }
            blocks.push(block("strong", &part.caveat));
            json!({"lang": part.lang, "blocks": blocks})
        })
        .collect();
    json!({"title": title, "parts": parts})
}

/// The page module's answer as a result: no answer is offline, a 401 the error that refreshes
/// the token, another refusal the server's code.
pub fn read(answer: &Value) -> AppResult<Outcome> {
    let status = answer.get("status").and_then(Value::as_u64).unwrap_or(0);
    let code = answer.get("code").and_then(Value::as_str);
    match (status, answer.get("outcome").and_then(Value::as_str)) {
        (200, Some("shared")) => Ok(Outcome::Shared),
        (200, Some("saved")) => Ok(Outcome::Saved),
        (200, Some("cancelled")) => Ok(Outcome::Cancelled),
        (0, _) => Err(AppError::Offline("no answer to the summary's PDF".into())),
        // Something in between (a proxy's page) rather than Kosh: as if unreachable.
        (500.., _) if code.is_none() => {
            Err(AppError::Offline(format!("{status} to the summary's PDF")))
        }
        (status @ 400.., _) => Err(AppError::Api {
            status: status as u16,
            code: code
                .unwrap_or(if status == 401 {
                    "unauthorized"
                } else {
                    "internal"
                })
                .to_owned(),
            fields: Vec::new(),
        }),
        _ => Err(AppError::Protocol(format!(
            "the page's answer to the summary's PDF: {answer}"
        ))),
    }
}

/// The key of the words for what went wrong.
pub fn error_key(error: &AppError) -> &'static str {
    match error {
        AppError::Offline(_) => "summary-share-offline",
        AppError::SignedOut => "summary-share-signed-out",
        _ => "summary-share-failed",
    }
}

/// Call the page's summary module with `args`, spread as its arguments.
#[cfg(target_arch = "wasm32")]
async fn call(args: Value) -> Result<Value, String> {
    use dioxus::prelude::document;
    let eval = document::eval(
        r#"const pdf = await import("/summary-pdf.js");
        return await pdf.share(...(await dioxus.recv()));"#,
    );
    eval.send(args).map_err(|e| e.to_string())?;
    eval.await.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_answers_read_as_outcomes_and_errors() {
        assert_eq!(
            read(&json!({"status": 200, "outcome": "shared"})).unwrap(),
            Outcome::Shared
        );
        assert_eq!(
            read(&json!({"status": 200, "outcome": "saved"})).unwrap(),
            Outcome::Saved
        );
        assert_eq!(
            read(&json!({"status": 200, "outcome": "cancelled"})).unwrap(),
            Outcome::Cancelled
        );
        assert!(matches!(
            read(&json!({"status": 0})),
            Err(AppError::Offline(_))
        ));
        assert!(matches!(read(&json!({})), Err(AppError::Offline(_))));
        assert!(matches!(
            read(&json!({"status": 502})),
            Err(AppError::Offline(_))
        ));
        match read(&json!({"status": 401})) {
            Err(AppError::Api {
                status: 401, code, ..
            }) => assert_eq!(code, "unauthorized"),
            other => panic!("{other:?}"),
        }
        match read(&json!({"status": 400, "code": "bad_request"})) {
            Err(AppError::Api {
                status: 400, code, ..
            }) => assert_eq!(code, "bad_request"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read(&json!({"status": 200, "outcome": "printed"})),
            Err(AppError::Protocol(_))
        ));
    }

    #[test]
    fn each_failure_has_its_own_words() {
        assert_eq!(
            error_key(&AppError::Offline("x".into())),
            "summary-share-offline"
        );
        assert_eq!(error_key(&AppError::SignedOut), "summary-share-signed-out");
        assert_eq!(
            error_key(&AppError::Api {
                status: 400,
                code: "bad_request".into(),
                fields: vec![]
            }),
            "summary-share-failed"
        );
    }
}
