//! `POST /v1/summary.pdf` (docs/API-EXTENSIONS.md): the summary to carry, as a PDF file that a
//! phone can share (a messenger, e-mail, a print shop) instead of only printing it.
//!
//! The app composes the summary itself, in Kazakh and in Russian, from the answers on the phone
//! (which may not have reached the server yet) and sends its words; this module only sets them
//! on A4 pages with the app's own font, Kosh Sans (Noto Sans subset to every Kazakh, Russian and
//! Latin letter the app writes), embedded as a subset with its ToUnicode map, so every Kazakh
//! letter survives into the file and can be searched and copied. Doing it here keeps a PDF
//! writer and a font subsetter out of the wasm every phone downloads on 3G.
//!
//! What the server keeps of it: nothing. The words are set and sent back.

use std::sync::{Arc, LazyLock};

use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use serde::Deserialize;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};

/// Kosh Sans as a TrueType file (the web app's `kosh-sans.woff2` unpacked; `scripts/make-font.sh`
/// makes both). SIL Open Font License 1.1, as `backend/assets/OFL.txt` says.
const FONT: &[u8] = include_bytes!("../assets/kosh-sans.ttf");

/// The most a summary may hold: far more than the longest questionnaire with a family of ten,
/// and a bound on the work one request can ask for.
const MAX_PARTS: usize = 4;
const MAX_BLOCKS: usize = 3_000;
const MAX_TEXT_CHARS: usize = 4_000;

/// A4 in points, and the margins.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 50.0;

/// The summary as the app sends it: one part per language, each a list of blocks in reading
/// order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryRequest {
    /// The document's title, for the PDF's own metadata (a file manager shows it).
    pub title: String,
    pub parts: Vec<PartRequest>,
}

/// The summary in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartRequest {
    /// The language tag (`kk`, `ru`): each part starts on a page of its own.
    pub lang: String,
    pub blocks: Vec<Block>,
}

/// One piece of the summary.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    pub style: Style,
    pub text: String,
    /// For an answer: the question, set small above its answer.
    #[serde(default)]
    pub label: Option<String>,
}

/// How a block looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// The part's title ("Өтінімнің қысқаша мазмұны").
    Title,
    /// "Answers", "Papers", "Self-check".
    Heading,
    /// A section of the questionnaire, a family member's papers.
    Subheading,
    Text,
    /// An answer: `label` is the question, `text` the answer.
    Answer,
    /// One paper of the checklist, or one criterion of the self-check.
    Item,
    /// Said plainly and set apart: the self-check's caveat, what is still missing.
    Strong,
    /// The date, the form's name.
    Quiet,
}

impl Style {
    /// The font size, and the space above the block.
    fn size_and_space(self) -> (f32, f32) {
        match self {
            Style::Title => (18.0, 0.0),
            Style::Heading => (14.0, 16.0),
            Style::Subheading => (12.0, 10.0),
            Style::Text | Style::Strong | Style::Answer => (10.5, 4.0),
            Style::Item => (10.5, 2.0),
            Style::Quiet => (9.5, 2.0),
        }
    }
}

/// One line of text at its place on a page, the baseline at `y` from the page's top.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
    /// Grey instead of black: labels and quiet text.
    pub grey: bool,
}

/// The pages, each its lines.
pub type Pages = Vec<Vec<Line>>;

/// The font's advance widths, to break lines where they fit.
struct Metrics {
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    fn width(&self, text: &str, size: f32) -> f32 {
        let per_em = f32::from(self.face.units_per_em());
        let units: u32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    // A letter the font lacks (Chinese in a name, say) is drawn as the font's
                    // empty box: about half an em.
                    .map_or(self.face.units_per_em() as u32 / 2, u32::from)
            })
            .sum();
        units as f32 / per_em * size
    }
}

static METRICS: LazyLock<Option<Metrics>> = LazyLock::new(|| {
    ttf_parser::Face::parse(FONT, 0)
        .ok()
        .map(|face| Metrics { face })
});

/// The text broken into lines no wider than `width`: at spaces, and inside a word only when the
/// word alone is wider than the line (a long e-mail address, say).
fn wrap(metrics: &Metrics, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if metrics.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: split it by letters where it overflows.
            for c in word.chars() {
                line.push(c);
                if metrics.width(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Set the summary on pages: each part from a new page, blocks in order, lines broken to the
/// page's width, a new page when one is full.
pub fn layout(parts: &[PartRequest]) -> Option<Pages> {
    let metrics = METRICS.as_ref()?;
    let width = PAGE_W - 2.0 * MARGIN;
    let bottom = PAGE_H - MARGIN;
    let mut pages: Pages = Vec::new();
    for part in parts {
        pages.push(Vec::new());
        let mut y = MARGIN;
        for block in &part.blocks {
            let (size, space) = block.style.size_and_space();
            let mut rows: Vec<(f32, String, bool)> = Vec::new();
            if let Some(label) = block.label.as_deref().filter(|l| !l.is_empty()) {
                let small = 9.0;
                rows.extend(
                    wrap(metrics, label, small, width)
                        .into_iter()
                        .map(|l| (small, l, true)),
                );
            }
            let indent = if block.style == Style::Item {
                12.0
            } else {
                0.0
            };
            let grey = block.style == Style::Quiet;
            rows.extend(
                wrap(metrics, &block.text, size, width - indent)
                    .into_iter()
                    .map(|l| (size, l, grey)),
            );
            y += space;
            for (size, text, grey) in rows {
                let step = size * 1.35;
                if y + step > bottom {
                    pages.push(Vec::new());
                    y = MARGIN;
                }
                y += step;
                let x = MARGIN
                    + if grey && block.label.is_some() {
                        0.0
                    } else {
                        indent
                    };
                if !text.is_empty() {
                    pages.last_mut()?.push(Line {
                        x,
                        y,
                        size,
                        text,
                        grey,
                    });
                }
            }
        }
    }
    Some(pages)
}

/// The font as the PDF writer reads it, once for every request (it is cloned by reference).
static PDF_FONT: LazyLock<Option<Font>> =
    LazyLock::new(|| Font::new(Arc::new(FONT.to_vec()).into(), 0));

/// The pages as a PDF file, the font embedded.
fn render(title: &str, lang: &str, pages: &Pages) -> Option<Vec<u8>> {
    let font = PDF_FONT.clone()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(lang.to_owned())
            .creator("Kosh".to_owned()),
    );
    let black = Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        ..Fill::default()
    };
    let grey = Fill {
        paint: rgb::Color::new(85, 85, 85).into(),
        ..Fill::default()
    };
    for lines in pages {
        let mut page = document.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H)?);
        let mut surface = page.surface();
        for line in lines {
            surface.set_fill(Some(if line.grey {
                grey.clone()
            } else {
                black.clone()
            }));
            surface.draw_text(
                Point::from_xy(line.x, line.y),
                font.clone(),
                line.size,
                &line.text,
                false,
                TextDirection::LeftToRight,
            );
        }
        surface.finish();
        page.finish();
    }
    document.finish().ok()
}

/// Refuse what no app sends, before any work: no parts, too many, too long.
fn check(request: &SummaryRequest) -> ApiResult<()> {
    let bad = |why: &str| Err(ApiError::BadRequest(why.to_owned()));
    if request.parts.is_empty() {
        return bad("parts: at least one language is needed");
    }
    if request.parts.len() > MAX_PARTS {
        return bad("parts: at most 4");
    }
    let blocks: usize = request.parts.iter().map(|p| p.blocks.len()).sum();
    if blocks > MAX_BLOCKS {
        return bad("blocks: at most 3000 in all");
    }
    let too_long = |s: &str| s.chars().count() > MAX_TEXT_CHARS;
    if too_long(&request.title)
        || request.parts.iter().any(|p| {
            p.lang.len() > 16
                || p.blocks
                    .iter()
                    .any(|b| too_long(&b.text) || b.label.as_deref().is_some_and(too_long))
        })
    {
        return bad("text: at most 4000 characters a block, 16 a language tag");
    }
    Ok(())
}

/// `POST /v1/summary.pdf`: the summary's words set on A4 pages → `application/pdf`.
pub async fn post(_caller: Caller, Json(request): Json<SummaryRequest>) -> ApiResult<Response> {
    check(&request)?;
    // Setting a few pages takes milliseconds, but off the async threads all the same.
    let pdf = tokio::task::spawn_blocking(move || {
        let lang = request
            .parts
            .first()
            .map(|p| p.lang.clone())
            .unwrap_or_default();
        layout(&request.parts).and_then(|pages| render(&request.title, &lang, &pages))
    })
    .await
    .map_err(|e| ApiError::Internal(format!("the PDF was not made: {e}")))?
    .ok_or_else(|| ApiError::Internal("the PDF could not be made with the bundled font".into()))?;
    Ok((
        [
            (CONTENT_TYPE, "application/pdf"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"kosh-summary.pdf\"",
            ),
        ],
        pdf,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(style: Style, text: &str) -> Block {
        Block {
            style,
            text: text.to_owned(),
            label: None,
        }
    }

    fn part(lang: &str, blocks: Vec<Block>) -> PartRequest {
        PartRequest {
            lang: lang.to_owned(),
            blocks,
        }
    }

    #[test]
    fn the_bundled_font_has_every_kazakh_letter() {
        let metrics = METRICS.as_ref().expect("the bundled font parses");
        for c in "ӘәҒғҚқҢңӨөҰұҮүҺһІіЁёЪъ№₸".chars() {
            assert!(metrics.face.glyph_index(c).is_some(), "{c} is missing");
        }
    }

    #[test]
    fn long_text_wraps_within_the_page_and_keeps_every_word() {
        let metrics = METRICS.as_ref().unwrap();
        let text = "Қазақстан Республикасының азаматтығын алу үшін құжаттар тізімі ".repeat(12);
        let lines = wrap(metrics, &text, 10.5, 300.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(metrics.width(line, 10.5) <= 300.0, "{line}");
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let back = lines.join(" ");
        assert_eq!(back.split_whitespace().collect::<Vec<_>>(), words);
        // A word wider than the line is broken inside it, not lost.
        let long = "a".repeat(400);
        let lines = wrap(metrics, &long, 10.5, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), long);
    }

    #[test]
    fn each_language_starts_a_page_and_a_full_page_continues_on_the_next() {
        let answers: Vec<Block> = (0..120)
            .map(|i| Block {
                style: Style::Answer,
                text: format!("Жауап {i}"),
                label: Some(format!("Сұрақ {i}")),
            })
            .collect();
        let parts = [
            part("kk", answers),
            part("ru", vec![block(Style::Title, "Сводка")]),
        ];
        let pages = layout(&parts).unwrap();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let last = pages.last().unwrap();
        assert_eq!(last.len(), 1);
        assert_eq!(last[0].text, "Сводка");
        for line in pages.iter().flatten() {
            assert!(line.y <= PAGE_H - MARGIN && line.y >= MARGIN, "{line:?}");
        }
        // Every answer and its question made it, in order.
        let texts: Vec<&str> = pages[..pages.len() - 1]
            .iter()
            .flatten()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(texts.len(), 240);
        assert_eq!(texts[0], "Сұрақ 0");
        assert_eq!(texts[239], "Жауап 119");
    }

    #[test]
    fn a_summary_renders_to_a_pdf_with_the_font_embedded() {
        let parts = [part(
            "kk",
            vec![
                block(Style::Title, "Өтінім туралы қысқаша мәлімет"),
                block(Style::Strong, "Бұл шешім емес"),
            ],
        )];
        let pages = layout(&parts).unwrap();
        let pdf = render("Kosh", "kk", &pages).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("FontFile2"), "the font is embedded");
        assert!(text.contains("ToUnicode"), "the text maps back to letters");
    }

    #[test]
    fn what_no_app_sends_is_refused() {
        let request = |parts: Vec<PartRequest>| SummaryRequest {
            title: "t".into(),
            parts,
        };
        assert!(check(&request(vec![])).is_err());
        assert!(check(&request((0..5).map(|_| part("kk", vec![])).collect())).is_err());
        assert!(
            check(&request(vec![part(
                "kk",
                vec![block(Style::Text, &"ә".repeat(4001))]
            )]))
            .is_err()
        );
        assert!(
            check(&request(vec![part(
                "kk",
                vec![block(Style::Text, &"ә".repeat(4000))]
            )]))
            .is_ok()
        );
    }
}
