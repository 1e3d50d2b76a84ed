//! Reading JSON into the domain's types, and saying where it does not fit: the path of the value
//! at fault (`sections[1].questions[0].options`; the empty string for the whole text), which is
//! what publishing a form or a policy bundle answers with.
//!
//! The path has a price in code: `serde_path_to_error` wraps every deserializer, which about
//! doubles what each type's reading compiles to (120 KB of the web app's wasm, some 20 KiB in
//! brotli, measured in BENCHMARKS.md). The phone never publishes anything, and what it reads was
//! checked by the server before it was served (or ships in the build), so in the browser a
//! text that does not fit is reported by the parser's own line and column instead, at the root.

use serde::de::DeserializeOwned;

/// `text` as a `T`, or where and why not: (path, message).
pub(crate) fn from_str_located<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let reader = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(reader).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            (path, e.into_inner().to_string())
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_str(text).map_err(|e| (String::new(), e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::from_str_located;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // read only to be checked
    struct Outer {
        items: Vec<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        n: u32,
    }

    #[test]
    fn says_the_path_of_the_value_at_fault_and_nothing_for_the_root() {
        let (path, message) =
            from_str_located::<Outer>(r#"{"items": [{"n": 1}, {"n": "two"}]}"#).unwrap_err();
        assert_eq!(path, "items[1].n");
        assert!(message.contains("invalid type"), "{message}");
        let (path, _) = from_str_located::<Outer>("[]").unwrap_err();
        assert_eq!(path, "");
        assert!(from_str_located::<Outer>(r#"{"items": []}"#).is_ok());
    }
}
