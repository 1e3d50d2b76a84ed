//! The native app's photos of papers against the real server: a photo the app shrank and kept
//! as a file, half of it already on the server (the connection cut in the middle), sent on by
//! the app's own uploader from where the server stopped, and the server's copy is the file, its
//! SHA-256 its name.

use std::cell::RefCell;
use std::io::Cursor;
use std::rc::Rc;

use kosh_backend::attachments::upload::sha256_hex;
use kosh_mobile::photos::Kept;
use kosh_mobile::photos::folder::PhotoFolder;
use kosh_mobile::server::Server;
use kosh_mobile::store::MemoryStore;
use kosh_mobile::store::vault::Vault;
use kosh_mobile::sync::{self, VaultCell, now_ms};
use kosh_tests::TestServer;

/// A photo of a paper as a phone's gallery hands it over: a PNG bigger than the app keeps.
fn gallery_png() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(2000, 1500, |x, y| {
        let light = 190 + (50 * (x + y) / 3500) as u8;
        let print = y % 40 < 12 && x % 80 < 60 && (x / 5 + y / 3) % 3 != 0;
        let v = if print { 30 } else { light };
        image::Rgb([v, v, v.saturating_sub(10)])
    });
    let mut png = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png
}

/// A phone signed in as `email` on `server`, with one photo kept as a file and named on the
/// passport's tick (the folder's directory lives as long as the returned guard).
async fn phone_with_a_photo(
    server: &TestServer,
    email: &str,
) -> (Server, RefCell<Vault>, tempfile::TempDir, PhotoFolder, Kept) {
    let client = Server::new(&server.base).unwrap();
    let phone = RefCell::new(Vault::open(Rc::new(MemoryStore::new()), now_ms()).unwrap());
    sync::sign_in(&client, &phone, email, "correct horse battery", true)
        .await
        .unwrap();
    let files = tempfile::tempdir().unwrap();
    let folder = PhotoFolder::new(files.path().join("photos"));
    let kept = folder.keep(&gallery_png()).unwrap();
    phone
        .with_mut(|v| v.attach_photo("documents.passport", &kept, now_ms()))
        .unwrap();
    (client, phone, files, folder, kept)
}

#[tokio::test]
async fn a_half_sent_photo_continues_from_the_servers_offset_and_arrives_whole() {
    let server = TestServer::start().await;
    let (client, phone, _files, folder, kept) = phone_with_a_photo(&server, "photos@mail.kz").await;
    let bytes = folder.read(&kept.sha256).unwrap().expect("kept on disk");
    assert_eq!(sha256_hex(&bytes), kept.sha256);
    let back = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).unwrap();
    assert_eq!((back.width(), back.height()), (1600, 1200));

    // The first half arrived before the connection was cut.
    let token = phone.with(|v| v.state().session.clone().unwrap().access_token);
    let url = server.url(&format!("/v1/attachments/{}", kept.sha256));
    let half = bytes.len() / 2;
    let first = server
        .client
        .put(&url)
        .bearer_auth(&token)
        .header("content-type", "image/jpeg")
        .header(
            "content-range",
            format!("bytes 0-{}/{}", half - 1, bytes.len()),
        )
        .body(bytes[..half].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 202);
    let held = server
        .client
        .head(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(held.status(), 204);
    assert_eq!(held.headers()["upload-offset"], half.to_string().as_str());

    sync::send_photos(&client, &phone, &folder).await.unwrap();
    assert!(
        phone.with(|v| v.state().uploads.is_empty()),
        "sent: off the outbox"
    );
    let got = server
        .client
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(got.status(), 200);
    let body = got.bytes().await.unwrap();
    assert_eq!(
        body.as_ref(),
        bytes.as_slice(),
        "the server's copy is the file"
    );
    assert_eq!(sha256_hex(&body), kept.sha256);

    // Nothing left to send: another round asks the server nothing and changes nothing.
    sync::send_photos(&client, &phone, &folder).await.unwrap();
    assert!(phone.with(|v| v.state().uploads.is_empty()));
}

#[tokio::test]
async fn a_photo_gone_from_the_phone_is_kept_as_missing_not_sent_forever() {
    let server = TestServer::start().await;
    let (client, phone, _files, folder, kept) = phone_with_a_photo(&server, "gone@mail.kz").await;
    folder.forget(&kept.sha256).unwrap();

    sync::send_photos(&client, &phone, &folder).await.unwrap();
    let left = phone.with(|v| v.state().uploads.clone());
    assert_eq!(left.len(), 1);
    assert_eq!(
        left[0].refused.as_ref().map(|r| r.code.as_str()),
        Some(kosh_mobile::store::uploads::MISSING)
    );
}
