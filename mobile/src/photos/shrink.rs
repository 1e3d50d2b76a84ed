//! A photo of a paper made small enough to keep and send, on the native builds: what
//! `web/photos.js` does on a canvas, with the same numbers. The picture is decoded, turned
//! upright by its EXIF orientation, drawn on white (a transparent PNG would turn black in a
//! JPEG), brought down to at most `LONG_EDGE` px on its long side and encoded anew as a JPEG
//! under `MAX_BYTES`, the quality stepping down until it fits. Only the pixels survive the
//! re-encoding: no EXIF, no location. Pure: bytes in, bytes out, so it is tested without a disk.

use std::borrow::Cow;
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::{self, FilterType};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

/// Long edge of a kept photo: a paper's small print stays readable, a phone's 12 MP shot
/// shrinks to a few hundred KB (the web's `LONG_EDGE`).
pub const LONG_EDGE: u32 = 1600;

/// A kept photo is under this many bytes (decimal, the stricter reading of "300 KB").
pub const MAX_BYTES: usize = 300_000;

/// The JPEG qualities tried in turn, as the web's canvas tries 0.86 … 0.38.
const QUALITIES: [u8; 7] = [86, 78, 70, 62, 54, 46, 38];

/// The code for a file that is not a picture this build can open (`photos-error-not_image`).
pub const NOT_IMAGE: &str = "not_image";

/// The most a picture may take to decode: a phone has less memory than the crate's default
/// allows (512 MiB), and a 50 MP photo needs 150 MiB already.
const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;

/// The picture in `bytes` (JPEG, PNG or WebP) as a JPEG of at most `LONG_EDGE` px on its long
/// side and under `MAX_BYTES`, with nothing of the file but its pixels. `Err(NOT_IMAGE)` when
/// the bytes are no picture this build can open.
pub fn shrink(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    let paper = on_white(decode(bytes).ok_or(NOT_IMAGE)?);
    let (width, height) = paper.dimensions();
    let mut scale = (f64::from(LONG_EDGE) / f64::from(width.max(height))).min(1.0);
    loop {
        let size = (scaled(width, scale), scaled(height, scale));
        let drawn = if size == (width, height) {
            Cow::Borrowed(&paper)
        } else {
            // Triangle (bilinear) rather than Lanczos: a paper's print stays sharp enough at
            // 1600 px, and a phone shrinks a 12 MP shot several times faster.
            Cow::Owned(imageops::resize(
                &paper,
                size.0,
                size.1,
                FilterType::Triangle,
            ))
        };
        for quality in QUALITIES {
            let jpeg = encode(&drawn, quality)?;
            if jpeg.len() < MAX_BYTES {
                return Ok(jpeg);
            }
        }
        // Still too big at the lowest quality (a page of fine noise): fewer pixels, and again.
        // A picture of a few pixels is always small enough, so this ends.
        scale *= 0.75;
    }
}

/// The picture decoded and turned upright; `None` for anything that is not one.
fn decode(bytes: &[u8]) -> Option<DynamicImage> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    // An orientation the file garbles is read as none: the picture is still worth keeping.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).ok()?;
    picture.apply_orientation(orientation);
    Some(picture)
}

/// The picture as plain RGB, anything transparent on paper white.
fn on_white(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u16::from(c), u16::from(a));
            // At most (255·255 + 255·0) / 255 = 255: always fits.
            ((c * a + 255 * (255 - a)) / 255) as u8
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// One side of the picture at `scale`, never less than a pixel.
fn scaled(side: u32, scale: f64) -> u32 {
    // The product is at most `side` (scale ≤ 1), so the cast cannot overflow.
    ((f64::from(side) * scale).round() as u32).max(1)
}

fn encode(picture: &RgbImage, quality: u8) -> Result<Vec<u8>, &'static str> {
    let mut jpeg = Vec::new();
    // The encoder writes a JFIF header and the pixels, and EXIF only when asked to: never here.
    JpegEncoder::new_with_quality(&mut jpeg, quality)
        .encode_image(picture)
        // A JPEG holds up to 65 535 px a side and the picture is at most LONG_EDGE: the
        // encoder has no reason to refuse, and a picture it did refuse could not be kept.
        .map_err(|_| NOT_IMAGE)?;
    Ok(jpeg)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A JPEG of `width`×`height` px that looks like a photo of a paper: light, unevenly lit,
    /// with lines of dark "print".
    pub(crate) fn photo(width: u32, height: u32) -> Vec<u8> {
        let picture = RgbImage::from_fn(width, height, |x, y| {
            let light = 200 + (40 * (x + y) / (width + height)) as u8;
            let line = y % 48 < 14 && x % 90 < 70 && (x / 90 + y / 48) % 5 != 0;
            let print = line && (x / 6 + y / 4) % 3 != 0;
            let v = if print { 40 } else { light };
            image::Rgb([v, v, v.saturating_sub(12)])
        });
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, 92)
            .encode_image(&picture)
            .unwrap();
        jpeg
    }

    /// An EXIF APP1 segment (little-endian TIFF) with an orientation and a GPS position:
    /// latitude 43° 14′ N, longitude 76° 53′ E, where a phone in Almaty would put them.
    pub(crate) fn exif(orientation: u16) -> Vec<u8> {
        let mut tiff: Vec<u8> = b"II*\0".to_vec();
        tiff.extend(8u32.to_le_bytes()); // IFD0 right after the header
        // IFD0: two entries (orientation, the GPS IFD's offset), then no next IFD.
        let gps_ifd = 8 + 2 + 2 * 12 + 4;
        tiff.extend(2u16.to_le_bytes());
        tiff.extend([0x12, 0x01, 3, 0]); // 0x0112 Orientation, SHORT
        tiff.extend(1u32.to_le_bytes());
        tiff.extend(u32::from(orientation).to_le_bytes());
        tiff.extend([0x25, 0x88, 4, 0]); // 0x8825 GPS IFD pointer, LONG
        tiff.extend(1u32.to_le_bytes());
        tiff.extend((gps_ifd as u32).to_le_bytes());
        tiff.extend(0u32.to_le_bytes());
        // The GPS IFD: four entries, the rationals after it.
        let rationals = gps_ifd + 2 + 4 * 12 + 4;
        tiff.extend(4u16.to_le_bytes());
        tiff.extend([1, 0, 2, 0]); // GPSLatitudeRef, ASCII, "N\0"
        tiff.extend(2u32.to_le_bytes());
        tiff.extend(*b"N\0\0\0");
        tiff.extend([2, 0, 5, 0]); // GPSLatitude, 3 RATIONAL
        tiff.extend(3u32.to_le_bytes());
        tiff.extend((rationals as u32).to_le_bytes());
        tiff.extend([3, 0, 2, 0]); // GPSLongitudeRef, "E\0"
        tiff.extend(2u32.to_le_bytes());
        tiff.extend(*b"E\0\0\0");
        tiff.extend([4, 0, 5, 0]); // GPSLongitude, 3 RATIONAL
        tiff.extend(3u32.to_le_bytes());
        tiff.extend((rationals as u32 + 24).to_le_bytes());
        tiff.extend(0u32.to_le_bytes());
        for (n, d) in [(43, 1), (14, 1), (0, 1), (76, 1), (53, 1), (0, 1)] {
            tiff.extend(u32::to_le_bytes(n));
            tiff.extend(u32::to_le_bytes(d));
        }
        let mut segment = vec![0xFF, 0xE1];
        segment.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
        segment.extend(b"Exif\0\0");
        segment.extend(tiff);
        segment
    }

    /// `jpeg` with `segment` spliced in right after its SOI marker, as a camera writes it.
    pub(crate) fn with_segment(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
        assert_eq!(jpeg[..2], [0xFF, 0xD8], "a JPEG starts with SOI");
        [&jpeg[..2], segment, &jpeg[2..]].concat()
    }

    /// The marker segments of a JPEG before its scan data: (marker, payload).
    pub(crate) fn segments(jpeg: &[u8]) -> Vec<(u8, Vec<u8>)> {
        assert_eq!(jpeg[..2], [0xFF, 0xD8], "a JPEG starts with SOI");
        let mut found = Vec::new();
        let mut at = 2;
        while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
            let marker = jpeg[at + 1];
            let len = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
            found.push((marker, jpeg[at + 4..at + 2 + len].to_vec()));
            if marker == 0xDA {
                break; // start of scan: entropy-coded data follows
            }
            at += 2 + len;
        }
        found
    }

    fn has_exif(jpeg: &[u8]) -> bool {
        segments(jpeg)
            .iter()
            .any(|(marker, payload)| *marker == 0xE1 && payload.starts_with(b"Exif"))
    }

    #[test]
    fn a_big_photo_with_a_location_shrinks_to_1600_px_under_300_kb_and_loses_its_exif() {
        let taken = with_segment(&photo(2400, 1800), &exif(1));
        assert!(has_exif(&taken), "the test photo carries its EXIF");
        assert!(taken.windows(2).any(|w| w == b"N\0"));
        let kept = shrink(&taken).unwrap();
        assert!(kept.len() < MAX_BYTES, "{} bytes", kept.len());
        let back = image::load_from_memory_with_format(&kept, image::ImageFormat::Jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (1600, 1200));
        assert!(!has_exif(&kept), "no EXIF segment is left");
        assert!(
            !segments(&kept).iter().any(|(marker, _)| *marker == 0xE1),
            "no APP1 of any kind"
        );
    }

    #[test]
    fn a_small_picture_keeps_its_size() {
        let kept = shrink(&photo(640, 480)).unwrap();
        let back = image::load_from_memory(&kept).unwrap();
        assert_eq!((back.width(), back.height()), (640, 480));
    }

    #[test]
    fn a_photo_taken_sideways_is_kept_upright() {
        // Orientation 6: the camera was turned; the pixels must be turned 90° clockwise.
        let taken = with_segment(&photo(400, 200), &exif(6));
        let back = image::load_from_memory(&shrink(&taken).unwrap()).unwrap();
        assert_eq!((back.width(), back.height()), (200, 400));
    }

    #[test]
    fn a_picture_of_noise_steps_down_until_it_fits() {
        // Noise does not compress: at quality 86 this is well over 300 KB.
        let mut seed = 0x2545_F491_u32;
        let noise = RgbImage::from_fn(1600, 1200, |_, _| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let [r, g, b, _] = seed.to_le_bytes();
            image::Rgb([r, g, b])
        });
        let mut png = Vec::new();
        noise
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert!(encode(&noise, QUALITIES[0]).unwrap().len() > MAX_BYTES);
        let kept = shrink(&png).unwrap();
        assert!(kept.len() < MAX_BYTES, "{} bytes", kept.len());
        image::load_from_memory_with_format(&kept, image::ImageFormat::Jpeg).unwrap();
    }

    #[test]
    fn a_transparent_png_is_kept_on_white() {
        let clear = image::RgbaImage::from_pixel(10, 10, image::Rgba([0, 0, 0, 0]));
        let mut png = Vec::new();
        clear
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let back = image::load_from_memory(&shrink(&png).unwrap())
            .unwrap()
            .into_rgb8();
        assert!(back.pixels().all(|p| p.0.iter().all(|&c| c > 245)), "white");
    }

    #[test]
    fn what_is_not_a_picture_is_not_image() {
        let cut_short = photo(64, 64)[..40].to_vec();
        for bytes in [
            b"%PDF-1.7 not a photo".to_vec(),
            Vec::new(),
            vec![0xFF, 0xD8, 0xFF],
            cut_short,
        ] {
            assert_eq!(shrink(&bytes), Err(NOT_IMAGE), "{bytes:?}");
        }
    }
}
