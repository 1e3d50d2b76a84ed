//! The pure rules of an attachment upload (API.md, Documents): which types are taken and what
//! the bytes must be to count as one (sniffed by the `infer` crate, never trusted from the
//! label), the `Content-Range` of a resumed upload and where it must start, and the SHA-256 the
//! finished bytes must have (the `sha2` crate, as for refresh tokens). No I/O: the handlers in
//! `attachments` read the body and call the `BlobStore`.

use sha2::{Digest, Sha256};

/// The most bytes one attachment may have (API.md): 2 MiB.
pub const MAX_ATTACHMENT_BYTES: u64 = 2 * 1024 * 1024;

/// A type of file the server keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Jpeg,
    Png,
    Pdf,
}

impl FileType {
    /// The type a `Content-Type` names, parameters ignored; `None` for any other.
    pub fn from_content_type(value: &str) -> Option<FileType> {
        let mime = value.split(';').next().unwrap_or("").trim();
        [FileType::Jpeg, FileType::Png, FileType::Pdf]
            .into_iter()
            .find(|t| t.mime().eq_ignore_ascii_case(mime))
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Pdf => "application/pdf",
        }
    }

    /// What the bytes are, by their signature; `None` when they are none of the three.
    pub fn sniff(bytes: &[u8]) -> Option<FileType> {
        infer::get(bytes).and_then(|t| FileType::from_content_type(t.mime_type()))
    }
}

/// The lowercase hex SHA-256 of `bytes`, as attachments are named.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// A `Content-Range: bytes <first>-<last>/<total>` of one part of an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentRange {
    /// The offset of the part's first byte.
    pub first: u64,
    /// The offset of its last byte (inclusive, as HTTP writes it).
    pub last: u64,
    /// The whole file's length.
    pub total: u64,
}

impl ContentRange {
    /// Parses the header; `None` for anything else (an unknown total `*`, a range that ends
    /// before it starts or past the total).
    pub fn parse(value: &str) -> Option<ContentRange> {
        let rest = value.trim().strip_prefix("bytes ")?;
        let (range, total) = rest.split_once('/')?;
        let (first, last) = range.split_once('-')?;
        let number = |s: &str| {
            let s = s.trim();
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u64>().ok())
                .flatten()
        };
        let range = ContentRange {
            first: number(first)?,
            last: number(last)?,
            total: number(total)?,
        };
        (range.first <= range.last && range.last < range.total).then_some(range)
    }

    /// The whole file in one part: `bytes 0-<len-1>/<len>` (an empty file has no range).
    pub fn whole(len: u64) -> Option<ContentRange> {
        len.checked_sub(1).map(|last| ContentRange {
            first: 0,
            last,
            total: len,
        })
    }

    /// How many bytes the part carries.
    pub fn part_len(self) -> u64 {
        self.last - self.first + 1
    }

    /// Whether the part ends the file.
    pub fn is_last(self) -> bool {
        self.last + 1 == self.total
    }
}

/// Where a part may start, given what the server holds of the upload: where the held bytes end
/// (to continue), or at 0 (to start over, as a client that lost track does). `Err` carries the
/// offset the client should continue from.
pub fn check_start(range: ContentRange, held: u64) -> Result<(), u64> {
    if range.first == 0 || range.first == held {
        Ok(())
    } else {
        Err(held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";

    #[test]
    fn types_are_sniffed_from_the_bytes_not_the_label() {
        assert_eq!(FileType::sniff(JPEG), Some(FileType::Jpeg));
        assert_eq!(FileType::sniff(PNG), Some(FileType::Png));
        assert_eq!(FileType::sniff(PDF), Some(FileType::Pdf));
        assert_eq!(FileType::sniff(b"GIF89a\x01\0\x01\0"), None);
        assert_eq!(FileType::sniff(b"just text"), None);
        assert_eq!(FileType::sniff(b""), None);
    }

    #[test]
    fn only_three_content_types_are_taken() {
        assert_eq!(
            FileType::from_content_type("image/jpeg"),
            Some(FileType::Jpeg)
        );
        assert_eq!(
            FileType::from_content_type("Application/PDF; charset=binary"),
            Some(FileType::Pdf)
        );
        assert_eq!(FileType::from_content_type("image/gif"), None);
        assert_eq!(FileType::from_content_type(""), None);
    }

    #[test]
    fn content_ranges_parse_strictly() {
        let r = ContentRange::parse("bytes 100-199/300").unwrap();
        assert_eq!(
            (r.first, r.last, r.total, r.part_len()),
            (100, 199, 300, 100)
        );
        assert!(!r.is_last());
        assert!(ContentRange::parse("bytes 200-299/300").unwrap().is_last());
        for bad in [
            "bytes 0-9/*",
            "bytes 9-0/10",
            "bytes 0-10/10",
            "bytes -1-5/10",
            "bytes 0-5",
            "items 0-5/10",
            "bytes +1-5/10",
            "bytes 0-99999999999999999999999/1",
        ] {
            assert_eq!(ContentRange::parse(bad), None, "{bad}");
        }
        assert_eq!(ContentRange::whole(0), None);
        assert_eq!(
            ContentRange::whole(5),
            Some(ContentRange {
                first: 0,
                last: 4,
                total: 5
            })
        );
    }

    #[test]
    fn a_part_continues_where_the_held_bytes_end_or_starts_over() {
        let at = |first| ContentRange {
            first,
            last: 299,
            total: 300,
        };
        assert_eq!(check_start(at(100), 100), Ok(()));
        assert_eq!(check_start(at(0), 100), Ok(()));
        assert_eq!(check_start(at(150), 100), Err(100));
        assert_eq!(check_start(at(50), 100), Err(100));
    }

    #[test]
    fn hashes_are_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"test"),
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        );
    }
}
