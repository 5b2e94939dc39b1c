//! The test vectors that the Rust tests share with the Python tests, in
//! `examples/etl/tests/vectors/` (its README says what each key means). Each
//! test module builds its file in with `include_str!`.

use std::fmt::{Debug, Display};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The cases of `table` in a vector file, given as its text.
pub fn cases<T: DeserializeOwned>(json: &str, table: &str) -> Vec<T> {
    let mut tables: Map<String, Value> =
        serde_json::from_str(json).expect("a vector file is a JSON object");
    let cases = tables
        .remove(table)
        .unwrap_or_else(|| panic!("no table {table:?} in the vector file"));
    serde_json::from_value(cases).unwrap_or_else(|error| panic!("table {table:?}: {error}"))
}

/// Check that `parse` turns the `text` of each case of `table` into the value
/// the case gives under `value_key` (such as `cents` or `millis`).
#[track_caller]
pub fn assert_accepts<T, E>(
    json: &str,
    table: &str,
    value_key: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) where
    T: DeserializeOwned + Debug + PartialEq,
    E: Debug + PartialEq,
{
    for mut case in cases::<Map<String, Value>>(json, table) {
        let mut field = |key: &str| {
            case.remove(key)
                .unwrap_or_else(|| panic!("table {table:?}: a case has no {key:?}"))
        };
        let text: String = serde_json::from_value(field("text")).expect("text is a string");
        let expected: T = serde_json::from_value(field(value_key))
            .unwrap_or_else(|error| panic!("table {table:?}, {text:?}: {value_key}: {error}"));
        assert_eq!(parse(&text), Ok(expected), "{text}");
    }
}

/// Check that `parse` rejects each case of `table` with the case's `reason`,
/// which is the `Display` text of its error.
#[track_caller]
pub fn assert_rejects<T: Debug + PartialEq, E: Display>(
    json: &str,
    table: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) {
    for case in cases::<Rejected>(json, table) {
        let text = case.text();
        let error = parse(&text).map_err(|error| error.to_string());
        assert_eq!(error, Err(case.reason), "{text}");
    }
}

/// A text a parser rejects, and the reason the contract gives.
#[derive(Deserialize)]
struct Rejected {
    text: String,
    repeat: Option<usize>,
    reason: String,
}

impl Rejected {
    /// The input: `text`, or `text` `repeat` times over.
    fn text(&self) -> String {
        self.text.repeat(self.repeat.unwrap_or(1))
    }
}

/// The bytes of a file, given as parts: a string stands for its UTF-8 bytes,
/// a number for one raw byte.
#[derive(Deserialize)]
#[serde(from = "Vec<Part>")]
pub struct Data(pub Vec<u8>);

#[derive(Deserialize)]
#[serde(untagged)]
enum Part {
    Text(String),
    Byte(u8),
}

impl From<Vec<Part>> for Data {
    fn from(parts: Vec<Part>) -> Data {
        let mut bytes = Vec::new();
        for part in parts {
            match part {
                Part::Text(text) => bytes.extend_from_slice(text.as_bytes()),
                Part::Byte(byte) => bytes.push(byte),
            }
        }
        Data(bytes)
    }
}
