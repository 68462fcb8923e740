//! Turning a file's bytes into article text: UTF-8 check, BOM, line ends, Unicode NFC.

use unicode_normalization::UnicodeNormalization;

/// Largest article accepted, in bytes. A news article is a few kilobytes; anything this large is
/// almost certainly a wrongly exported file (a whole website, a PDF dump) and would bloat the app.
pub const MAX_ARTICLE_BYTES: usize = 4 * 1024 * 1024;

/// Why bytes are not an article text, with a 1-based line and column where that applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// 1-based line of the problem, if it has one.
    pub line: Option<u32>,
    /// 1-based column (in characters), if known.
    pub column: Option<u32>,
    /// What is wrong and what to do.
    pub message: String,
}

/// Decodes an article file: strips a UTF-8 BOM, rejects other encodings with the position of the
/// first bad byte, turns CRLF and CR into LF, and normalises to NFC so that `ö` is one code point
/// everywhere (offsets computed at build time then hold in the browser).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(DecodeError {
            line: None,
            column: None,
            message: format!(
                "article is {:.1} MB, over the limit of {} MB per article: is this really one article? Split it or remove it",
                bytes.len() as f64 / 1_048_576.0,
                MAX_ARTICLE_BYTES / 1_048_576
            ),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError {
            line: Some(1),
            column: Some(1),
            message: "file is UTF-16; save it as UTF-8".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // `valid` is valid UTF-8 by construction, so counting its characters cannot fail.
        let column = std::str::from_utf8(&valid[line_start..])
            .map_or(0, |s| s.chars().count())
            + 1;
        DecodeError {
            line: Some(line as u32),
            column: Some(column as u32),
            message: format!(
                "invalid UTF-8 at byte {}: save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
                e.valid_up_to()
            ),
        }
    })?;
    // A stray BOM (a file saved twice with one) or other zero-width characters are not text.
    let invisible =
        |c: char| c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}');
    if text.chars().all(invisible) {
        return Err(DecodeError {
            line: None,
            column: None,
            message: "file is empty: an article needs text".into(),
        });
    }
    Ok(normalise(text))
}

/// `\n` line ends and Unicode NFC, as every article text has.
pub fn normalise(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    unified.nfc().collect()
}

/// Decodes a saved page or a spreadsheet export, which often are not UTF-8: a byte-order mark
/// first, then the charset the file declares (`<meta charset>`), then UTF-8 where the bytes are
/// valid UTF-8, else Windows-1252 (what Excel and older sites write; it also covers Latin-1).
/// Returns the text (not yet normalised) and the encoding's name where it was not UTF-8.
pub fn decode_declared(
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<(String, Option<&'static str>), DecodeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError {
            line: None,
            column: None,
            message: format!(
                "file is {:.1} MB, over the limit of {} MB per file: split it",
                bytes.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        });
    }
    let (encoding, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, &bytes[bom..]),
        None => {
            let declared =
                declared.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()));
            let encoding = match declared {
                Some(e) if e != encoding_rs::UTF_8 => e,
                _ if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
                _ => encoding_rs::WINDOWS_1252,
            };
            (encoding, bytes)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
    Ok((text.into_owned(), name))
}

/// Largest multi-article file (JSON Lines, CSV) or saved page accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_bom_and_crlf_and_normalises() {
        // "Pjöngjang" with a decomposed ö (o + combining diaeresis) and Windows line ends.
        let bytes = "\u{FEFF}Pjo\u{308}ngjang\r\nSeoul\rTaz".as_bytes();
        assert_eq!(decode(bytes).unwrap(), "Pjöngjang\nSeoul\nTaz");
    }

    #[test]
    fn reports_invalid_utf8_with_line_and_column() {
        let mut bytes = "Erste Zeile\nZwei".as_bytes().to_vec();
        bytes.push(0xFC); // Latin-1 ü
        bytes.extend_from_slice(b"ber\n");
        let err = decode(&bytes).unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(5)));
        assert!(err.message.contains("UTF-8"), "{}", err.message);
    }

    #[test]
    fn rejects_empty_utf16_and_huge_files() {
        let double_bom = "\u{FEFF}\u{FEFF}\n".as_bytes();
        let zero_width = "\u{200B} \u{2060}\r\n".as_bytes();
        for bytes in [
            &b""[..],
            b"  \n\r\n\t",
            b"\xEF\xBB\xBF\n",
            double_bom,
            zero_width,
        ] {
            assert!(decode(bytes).unwrap_err().message.contains("empty"));
        }
        assert!(decode(b"\xFF\xFEa\x00")
            .unwrap_err()
            .message
            .contains("UTF-16"));
        let huge = vec![b'a'; MAX_ARTICLE_BYTES + 1];
        assert!(decode(&huge).unwrap_err().message.contains("MB"));
    }

    #[test]
    fn pages_and_spreadsheets_in_other_encodings() {
        // "Grüße" in Windows-1252, UTF-8, UTF-8 with BOM, UTF-16LE with BOM.
        let cp1252: &[u8] = b"Gr\xFC\xDFe";
        let cases: [(&[u8], Option<&str>, Option<&str>); 6] = [
            (cp1252, None, Some("windows-1252")),
            (cp1252, Some("iso-8859-1"), Some("windows-1252")),
            ("Grüße".as_bytes(), None, None),
            ("Grüße".as_bytes(), Some("utf-8"), None),
            (
                b"\xEF\xBB\xBFGr\xC3\xBC\xC3\x9Fe",
                Some("windows-1252"),
                None,
            ),
            (
                b"\xFF\xFEG\x00r\x00\xFC\x00\xDF\x00e\x00",
                None,
                Some("UTF-16LE"),
            ),
        ];
        for (bytes, declared, encoding) in cases {
            let (text, used) = decode_declared(bytes, declared).unwrap();
            assert_eq!((text.as_str(), used), ("Grüße", encoding), "{declared:?}");
        }
    }
}
